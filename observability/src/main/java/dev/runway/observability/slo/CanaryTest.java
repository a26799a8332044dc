package dev.runway.observability.slo;

import dev.runway.common.events.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Judges a new revision against the stable revision serving the same region, over the fastest
 * rule's short window. It fires when the new revision has at least the minimum requests, the stable
 * one too, the new one's bad ratio is higher than the stable one's by a one-sided two-proportion
 * z-test at the stated confidence, and the new one burns faster than the fastest rule's factor.
 *
 * <p>Why: a revision that has served for a while carries its healthy history in the long window,
 * which then takes minutes to cross the threshold after it goes bad. Comparing its short window
 * with the stable revision's, on both revisions' own requests, is significant without that history
 * — and a region-wide fault that hurts both revisions alike does not count against the new one.
 */
public final class CanaryTest {
  private CanaryTest() {}

  public static Finding evaluate(
      BurnRule fastest,
      Objective objective,
      long minRequests,
      double confidence,
      BurnRates.WindowInput canary,
      String stableRevision,
      Counts stable) {
    return evaluate(
        Finding.CANARY_RULE,
        BurnRule.label(fastest.shortWindow()),
        fastest,
        objective,
        minRequests,
        confidence,
        canary,
        stableRevision,
        stable);
  }

  /** The same test under another rule name, over a window labelled {@code label}. */
  public static Finding evaluate(
      String rule,
      String label,
      BurnRule fastest,
      Objective objective,
      long minRequests,
      double confidence,
      BurnRates.WindowInput canary,
      String stableRevision,
      Counts stable) {
    WindowCounts cw = BurnRates.window(label, canary, objective);
    double z = zScore(canary.counts(), stable);
    Comparison comparison = new Comparison(stableRevision, stable, z, confidence);
    Outcome outcome;
    if (canary.counts().requests() < minRequests || stable.requests() < minRequests) {
      outcome = Outcome.INSUFFICIENT_DATA;
    } else if (z >= NormalQuantile.of(confidence) && cw.burnRate() > fastest.factor()) {
      outcome = Outcome.FIRING;
    } else {
      outcome = Outcome.NOT_FIRING;
    }
    return new Finding(
        rule, Severity.page, outcome, cw.burnRate(), List.of(cw), Optional.of(comparison));
  }

  /**
   * The two-proportion z statistic of "the candidate's bad ratio is higher", with the pooled
   * standard error. 0 when either side has no requests or the pooled ratio is 0 or 1 (no spread to
   * judge by).
   */
  public static double zScore(Counts candidate, Counts baseline) {
    if (candidate.requests() == 0 || baseline.requests() == 0) {
      return 0;
    }
    double pooled =
        (double) (candidate.bad() + baseline.bad()) / (candidate.requests() + baseline.requests());
    double variance =
        pooled * (1 - pooled) * (1.0 / candidate.requests() + 1.0 / baseline.requests());
    if (variance <= 0) {
      return 0;
    }
    return (candidate.badRatio() - baseline.badRatio()) / Math.sqrt(variance);
  }
}
