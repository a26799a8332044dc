package dev.runway.common.events;

/**
 * A new revision's bad ratio against the stable revision's in the same region over the same window:
 * a one-sided two-proportion z-test.
 *
 * @param stableRevision the revision that served the region before the new one
 * @param stableRequests the stable revision's requests in the window
 * @param stableBad the stable revision's bad requests in the window
 * @param zScore how many standard errors the new revision's ratio lies above the stable one's
 * @param confidence the confidence the test was run at (0.99 means a 1% false-alarm chance per
 *     comparison when both revisions are equally good)
 */
public record StableComparison(
    String stableRevision, long stableRequests, long stableBad, double zScore, double confidence) {

  public StableComparison {
    Require.name(stableRevision, "stable_revision");
  }
}
