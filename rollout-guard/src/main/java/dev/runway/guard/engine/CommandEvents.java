package dev.runway.guard.engine;

import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.PromotionBlocked;
import dev.runway.common.events.RollbackFailed;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RolloutStalled;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.manifest.Environment;
import dev.runway.guard.rollout.Command;
import dev.runway.guard.rollout.Rollout;
import java.time.Instant;

/** The event each command of the state machine becomes on the bus. */
final class CommandEvents {
  private CommandEvents() {}

  /**
   * @param rollout the state after the transition
   * @param evidence the breach that caused the transition, if one did
   */
  static RunwayEvent of(Rollout rollout, Command command, SloBreached evidence, Instant now) {
    String service = rollout.service();
    Environment environment = rollout.environment();
    if (command instanceof Command.ShiftTraffic shift) {
      return new TrafficShiftRequested(
          service,
          environment,
          shift.region(),
          shift.revision(),
          shift.percent(),
          rollout.regions().get(shift.region()).previous(),
          now);
    }
    if (command instanceof Command.Rollback rollback) {
      return new RollbackRequested(
          service,
          environment,
          rollback.region(),
          rollout.revision(),
          rollback.toRevision(),
          rollback.reason(),
          evidence,
          now);
    }
    if (command instanceof Command.ApprovePromotion approve) {
      return new PromotionApproved(service, approve.revision(), now);
    }
    if (command instanceof Command.BlockPromotion block) {
      return new PromotionBlocked(service, block.revision(), block.reason(), now);
    }
    if (command instanceof Command.RaiseRollbackFailed failed) {
      return new RollbackFailed(
          service, environment, failed.region(), rollout.revision(), failed.reason(), now);
    }
    if (command instanceof Command.Stall stall) {
      return new RolloutStalled(
          service,
          environment,
          rollout.revision(),
          stall.region(),
          stall.reason(),
          stall.action(),
          now);
    }
    Command.Finish finish = (Command.Finish) command;
    return new RolloutFinished(
        service, environment, rollout.revision(), finish.status(), finish.rolledBack(), now);
  }
}
