package dev.runway.observability.slo;

import dev.runway.common.events.StableComparison;

/**
 * A new revision against the stable one in its region over the same window.
 *
 * @param stableRevision the stable revision
 * @param stable the stable revision's counts
 * @param zScore how far above the stable ratio the new one lies, in standard errors
 * @param confidence the one-sided test's confidence
 */
public record Comparison(String stableRevision, Counts stable, double zScore, double confidence) {

  public StableComparison evidence() {
    return new StableComparison(
        stableRevision, stable.requests(), stable.bad(), zScore, confidence);
  }
}
