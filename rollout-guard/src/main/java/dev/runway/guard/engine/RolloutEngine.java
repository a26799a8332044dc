package dev.runway.guard.engine;

import dev.runway.common.events.RolloutStarted;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.SloBreached;
import dev.runway.guard.rollout.Command;
import dev.runway.guard.rollout.Input;
import dev.runway.guard.rollout.RegionProgress;
import dev.runway.guard.rollout.Rollout;
import dev.runway.guard.rollout.Transitions;
import dev.runway.guard.state.RolloutRow;
import dev.runway.service.outbox.Outbox;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The only place a rollout changes: it locks the rollout's row, applies the input through the pure
 * {@link Transitions}, stores the new state and adds the commands' events to the outbox, all in the
 * caller's transaction.
 */
@ApplicationScoped
public class RolloutEngine {

  private static final Logger LOG = Logger.getLogger(RolloutEngine.class);

  private final Outbox outbox;

  public RolloutEngine(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Persists a planned rollout and starts it. */
  public Uni<Void> start(Rollout planned, Instant at, Context trace) {
    Transitions.Step step = Transitions.apply(planned, new Input.Start(at));
    RolloutRow row = RolloutRow.of(step.rollout());
    Map<String, String> previous = new LinkedHashMap<>();
    for (RegionProgress region : planned.regions().values()) {
      if (region.previous() != null) {
        previous.put(region.region(), region.previous());
      }
    }
    LOG.infof(
        "Rolling out %s/%s %s: %s through %s%% in %s, bake %ss",
        planned.service(),
        planned.environment(),
        planned.revision(),
        planned.policy().strategy(),
        planned.policy().steps(),
        planned.policy().waves(),
        planned.policy().bake().toSeconds());
    RolloutStarted started =
        new RolloutStarted(
            planned.service(),
            planned.environment(),
            planned.revision(),
            planned.policy().strategy(),
            planned.policy().steps(),
            planned.policy().waves(),
            previous,
            planned.policy().bake().toSeconds(),
            at);
    return row.persist()
        .chain(() -> outbox.add(started, trace))
        .chain(() -> publish(step.rollout(), step.commands(), null, at, trace));
  }

  /**
   * Applies one input to one rollout.
   *
   * @param evidence the SloBreached the input comes from, carried into a rollback as its evidence
   */
  public Uni<Void> apply(String id, Input input, SloBreached evidence, Context trace) {
    return apply(id, rollout -> input, evidence, trace);
  }

  /**
   * Applies the input {@code inputFor} derives from the rollout's state read under the lock; null
   * means the fact does not concern this rollout.
   */
  public Uni<Void> apply(
      String id,
      java.util.function.Function<Rollout, Input> inputFor,
      SloBreached evidence,
      Context trace) {
    return RolloutRow.locked(id)
        .chain(
            row -> {
              if (row == null) {
                return Uni.createFrom().voidItem();
              }
              Rollout before = row.rollout();
              Input input = inputFor.apply(before);
              if (input == null) {
                return Uni.createFrom().voidItem();
              }
              Transitions.Step step = Transitions.apply(before, input);
              if (step.rollout().equals(before) && step.commands().isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              row.set(step.rollout());
              return publish(step.rollout(), step.commands(), evidence, input.at(), trace);
            });
  }

  private Uni<Void> publish(
      Rollout rollout, List<Command> commands, SloBreached evidence, Instant at, Context trace) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Command command : commands) {
      RunwayEvent event = CommandEvents.of(rollout, command, evidence, at);
      log(rollout, command);
      chain = chain.chain(() -> outbox.add(event, trace)).replaceWithVoid();
    }
    return chain;
  }

  private static void log(Rollout rollout, Command command) {
    String what = rollout.service() + "/" + rollout.environment() + " " + rollout.revision();
    if (command instanceof Command.ShiftTraffic shift) {
      LOG.infof("%s: step to %d%% in %s", what, shift.percent(), shift.region());
    } else if (command instanceof Command.Rollback rollback) {
      LOG.warnf(
          "%s: rolling back %s to %s (%s)",
          what, rollback.region(), rollback.toRevision(), rollback.reason());
    } else if (command instanceof Command.RaiseRollbackFailed failed) {
      LOG.errorf("%s: rollback cannot help in %s: %s", what, failed.region(), failed.reason());
    } else if (command instanceof Command.Stall stall) {
      // fail closed, and say so where an operator looks first: a paused rollout logs nothing else
      LOG.warnf("%s: stalled, %s: %s", what, stall.action(), stall.reason());
    } else if (command instanceof Command.BlockPromotion block) {
      LOG.warnf("%s: promotion to production blocked: %s", what, block.reason());
    } else if (command instanceof Command.ApprovePromotion) {
      LOG.infof("%s: promotion to production approved", what);
    } else if (command instanceof Command.Finish finish) {
      LOG.infof("%s: rollout %s", what, finish.status());
    }
  }
}
