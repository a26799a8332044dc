package dev.runway.guard.rollout;

import dev.runway.common.events.SloStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What counts as evidence for a step: a HEALTHY verdict over a window that began at least {@code
 * metricLag} after the step's traffic took effect (the gateway's per-second stats and the bus take
 * that long to show it), judged no longer than {@code freshness} before the step is decided.
 * Anything else is no evidence, and no evidence never passes a step or a watch.
 */
public record Evidence(Duration metricLag, Duration freshness) {

  public static final Evidence DEFAULT =
      new Evidence(Duration.ofSeconds(2), Duration.ofSeconds(45));

  public Evidence {
    if (metricLag.isNegative() || freshness.isNegative() || freshness.isZero()) {
      throw new IllegalArgumentException(
          "the metric lag must not be negative and the freshness must be positive");
    }
  }

  /**
   * A HEALTHY verdict over a window that began after the region's current traffic took effect, and
   * recent.
   */
  boolean holds(RegionProgress region, Instant at) {
    return region.slo() == SloStatus.HEALTHY && ownWindow(region) && fresh(region, at);
  }

  private boolean ownWindow(RegionProgress region) {
    return region.trafficAt() != null
        && region.sloFrom() != null
        && !region.sloFrom().isBefore(region.trafficAt().plus(metricLag));
  }

  private boolean fresh(RegionProgress region, Instant at) {
    return region.sloAt() != null && Duration.between(region.sloAt(), at).compareTo(freshness) <= 0;
  }

  /** What the region lacks, in words, for its step at {@code percent}. */
  String missing(RegionProgress region, int percent, Instant at) {
    String what = "no fresh HEALTHY verdict at " + percent + "%";
    if (region.sloAt() == null) {
      return what + " (none received)";
    }
    String last =
        " (the last, "
            + region.slo()
            + ", was judged "
            + Duration.between(region.sloAt(), at).toSeconds()
            + " s ago";
    if (!ownWindow(region)) {
      last +=
          region.sloFrom() == null
              ? ", over no named window"
              : ", over a window begun before the step's traffic";
    }
    return what + last + ")";
  }
}
