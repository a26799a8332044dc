package dev.runway.guard.rollout;

import dev.runway.common.events.SloStatus;
import java.time.Instant;
import java.util.List;

/** What happens to a rollout: facts from the bus, the clock, and operators. */
public sealed interface Input {

  Instant at();

  /** The revision is deployed (ready, no traffic yet) in its regions: begin the first wave. */
  record Start(Instant at) implements Input {}

  /**
   * TrafficShifted gave the new revision {@code percent} of the region.
   *
   * @param at when the shift was published: the moment observability's step evidence counts from
   */
  record Shifted(String region, int percent, Instant at) implements Input {}

  /**
   * Observability's verdict on the new revision in the region, announced on change and again at
   * every heartbeat.
   *
   * @param judgedAt when observability judged it; a step decides only on a recent one
   * @param windowStart where the window it judged began; a step counts only a window that began
   *     after its traffic took effect. Null when the verdict named none: no evidence
   */
  record Verdict(String region, SloStatus state, Instant judgedAt, Instant windowStart, Instant at)
      implements Input {

    /** A breach, which needs no window to be acted on. */
    public static Verdict breach(String region, Instant at) {
      return new Verdict(region, SloStatus.BREACHED, at, null, at);
    }
  }

  /** The reconciler could not apply the step asked for in the region, and why. */
  record ShiftFailed(String region, int percent, String reason, Instant at) implements Input {}

  /** The previous revision breaches in a region the rollout returned to it. */
  record PreviousBreached(String region, Instant at) implements Input {}

  /**
   * Time passed: bakes and watches may have ended.
   *
   * @param hearingSince since when the guard has had every fact channel assigned without a gap (its
   *     last rebalance); null while it has not (starting, or rebalancing). A guard that may not
   *     have read the latest facts decides nothing, and a step's progress deadline is not spent on
   *     the guard's own absence: it stalls only once the guard has heard a whole deadline.
   */
  record Tick(Instant at, Instant hearingSince) implements Input {}

  /** An operator holds the rollout where it is; breaches still roll back. */
  record Pause(Instant at) implements Input {}

  record Resume(Instant at) implements Input {}

  /** A newer revision of the same service and environment was deployed: this rollout stops. */
  record Supersede(String by, Instant at) implements Input {}

  /** An operator rolls back these regions (all serving regions when empty). */
  record OperatorRollback(List<String> regions, Instant at) implements Input {}
}
