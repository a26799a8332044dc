package dev.runway.guard.rollout;

import java.time.Duration;

/**
 * What counts as evidence for a step: a HEALTHY verdict judged at least {@code metricLag} after the
 * step's traffic took effect (the gateway's per-second stats and the bus take that long to show
 * it), and no older than {@code freshness} when the step is decided. Anything else is no evidence,
 * and no evidence never passes a step or a watch.
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
}
