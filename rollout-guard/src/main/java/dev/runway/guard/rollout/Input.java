package dev.runway.guard.rollout;

import dev.runway.common.events.SloStatus;
import java.time.Instant;
import java.util.List;

/** What happens to a rollout: facts from the bus, the clock, and operators. */
public sealed interface Input {

  Instant at();

  /** The revision is deployed (ready, no traffic yet) in its regions: begin the first wave. */
  record Start(Instant at) implements Input {}

  /** TrafficShifted gave the new revision {@code percent} of the region. */
  record Shifted(String region, int percent, Instant at) implements Input {}

  /**
   * Observability's verdict on the new revision in the region, announced on change and again at
   * every heartbeat.
   *
   * @param judgedAt when observability judged it; a step counts only verdicts judged after its
   *     traffic took effect
   */
  record Verdict(String region, SloStatus state, Instant judgedAt, Instant at) implements Input {

    public Verdict(String region, SloStatus state, Instant at) {
      this(region, state, at, at);
    }
  }

  /** The reconciler could not apply the step asked for in the region, and why. */
  record ShiftFailed(String region, int percent, String reason, Instant at) implements Input {}

  /** The previous revision breaches in a region the rollout returned to it. */
  record PreviousBreached(String region, Instant at) implements Input {}

  /** Time passed: bakes and watches may have ended. */
  record Tick(Instant at) implements Input {}

  /** An operator holds the rollout where it is; breaches still roll back. */
  record Pause(Instant at) implements Input {}

  record Resume(Instant at) implements Input {}

  /** A newer revision of the same service and environment was deployed: this rollout stops. */
  record Supersede(String by, Instant at) implements Input {}

  /** An operator rolls back these regions (all serving regions when empty). */
  record OperatorRollback(List<String> regions, Instant at) implements Input {}
}
