package dev.runway.observability.slo;

/**
 * One service's objectives in one environment, from the manifest's {@code spec.slo}.
 *
 * @param availabilityPercent good requests wanted, in percent (99.9)
 * @param latencyThresholdMs a request slower than this is bad for the latency SLI
 */
public record Objective(double availabilityPercent, int latencyThresholdMs) {

  /** The manifest's defaults, for services whose manifest has not been seen. */
  public static final Objective DEFAULT = new Objective(99.9, 1024);

  public Objective {
    if (!(availabilityPercent > 0 && availabilityPercent < 100)) {
      throw new IllegalArgumentException("availability must lie between 0 and 100 percent");
    }
    if (latencyThresholdMs <= 0) {
      throw new IllegalArgumentException("latency threshold must be positive");
    }
  }

  /**
   * The error budget: the share of requests that may be bad ({@code 1 - objective}). Both SLIs use
   * the same objective percentage: the latency SLI wants that share of requests under the
   * threshold, as the seed platform's SLOs do.
   */
  public double budget() {
    // Decimal arithmetic: 1 - 99.9 / 100 in binary floating point is 0.00099999999999989, which
    // would put a burn of exactly 14.4 a hair above the threshold.
    return java.math.BigDecimal.valueOf(100)
        .subtract(java.math.BigDecimal.valueOf(availabilityPercent))
        .movePointLeft(2)
        .doubleValue();
  }
}
