package dev.runway.guard.rollout;

import dev.runway.common.events.RolloutStatus;
import java.util.List;

/**
 * The rollout state machine: state × input → state × commands, pure, so every strategy and policy
 * is tested without a bus, a clock or a database. The guard service only persists the state and
 * turns the commands into events.
 */
public final class Transitions {
  private Transitions() {}

  /** The next state and what to do. */
  public record Step(Rollout rollout, List<Command> commands) {}

  public static Step apply(Rollout rollout, Input input) {
    if (rollout.finished() && !previousBreachedAfterRollback(rollout, input)) {
      return new Step(rollout, List.of()); // late or duplicate facts change nothing
    }
    Change change = new Change(rollout);
    if (input instanceof Input.Start start) {
      change.start(start.at());
    } else if (input instanceof Input.Shifted shifted) {
      change.shifted(shifted);
    } else if (input instanceof Input.ShiftFailed failed) {
      change.shiftFailed(failed);
    } else if (input instanceof Input.Verdict verdict) {
      change.verdict(verdict);
    } else if (input instanceof Input.PreviousBreached breached) {
      change.previousBreached(breached);
    } else if (input instanceof Input.Tick tick) {
      change.tick(tick);
    } else if (input instanceof Input.Pause) {
      change.state = change.state.held("paused by an operator; resume or roll back");
    } else if (input instanceof Input.Resume resume) {
      change.resume(resume.at());
    } else if (input instanceof Input.OperatorRollback order) {
      change.operatorRollback(order);
    } else if (input instanceof Input.Supersede) {
      change.state = change.state.withStatus(RolloutStatus.SUPERSEDED);
      change.commands.add(new Command.Finish(RolloutStatus.SUPERSEDED, change.rolledBack()));
    }
    if (!change.state.finished()) {
      change.settle(input.at());
    }
    return new Step(change.state, List.copyOf(change.commands));
  }

  /**
   * A rollout that ended rolled back still hears of its previous revision breaching where it
   * returned to: that needs a person, not another rollback.
   */
  private static boolean previousBreachedAfterRollback(Rollout rollout, Input input) {
    return rollout.status() == RolloutStatus.ROLLED_BACK
        && input instanceof Input.PreviousBreached breached
        && rollout.regions().containsKey(breached.region())
        && rollout.regions().get(breached.region()).phase() == RegionPhase.ROLLED_BACK;
  }
}
