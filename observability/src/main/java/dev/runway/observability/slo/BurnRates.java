package dev.runway.observability.slo;

import java.util.List;
import java.util.Optional;

/** Burn-rate rules as pure functions over window counts. */
public final class BurnRates {
  private BurnRates() {}

  /** How many times faster than sustainable the window spends the budget. */
  public static double burnRate(Counts counts, Objective objective) {
    return counts.badRatio() / objective.budget();
  }

  /**
   * One multi-window rule: fires when both windows hold at least {@code minRequests}, both burn
   * faster than the rule's factor (strictly, as the generated Prometheus alerts compare), and the
   * long window's bad count is significantly above what the factor allows: a one-sided binomial
   * test at {@code confidence}. The workbook's rules assume plenty of traffic; with a few hundred
   * requests one unlucky failure is already a 10x burn of a 99.9% budget, and the test keeps such
   * noise from paging. With plenty of traffic it holds as soon as the threshold is crossed.
   */
  public static Finding evaluate(
      BurnRule rule,
      Objective objective,
      long minRequests,
      double confidence,
      WindowInput longWindow,
      WindowInput shortWindow) {
    WindowCounts lw = window(BurnRule.label(rule.longWindow()), longWindow, objective);
    WindowCounts sw = window(BurnRule.label(rule.shortWindow()), shortWindow, objective);
    double burn = Math.min(lw.burnRate(), sw.burnRate());
    return new Finding(
        rule.name(),
        rule.severity(),
        outcome(rule, objective, minRequests, confidence, lw, sw),
        burn,
        List.of(lw, sw),
        Optional.empty());
  }

  /**
   * The rule's test over a step's own window ({@link EvidenceWindow}), as its long and its short
   * window at once: what a step's verdict rests on, so it takes enough requests since the step
   * began, not before.
   */
  public static Finding step(
      BurnRule rule, Objective objective, long minRequests, double confidence, WindowInput step) {
    WindowCounts w = window(Finding.STEP_WINDOW, step, objective);
    return new Finding(
        Finding.STEP_RULE,
        rule.severity(),
        outcome(rule, objective, minRequests, confidence, w, w),
        w.burnRate(),
        List.of(w),
        Optional.empty());
  }

  private static Outcome outcome(
      BurnRule rule,
      Objective objective,
      long minRequests,
      double confidence,
      WindowCounts lw,
      WindowCounts sw) {
    if (lw.counts().requests() < minRequests || sw.counts().requests() < minRequests) {
      return Outcome.INSUFFICIENT_DATA;
    }
    if (lw.burnRate() > rule.factor()
        && sw.burnRate() > rule.factor()
        && Binomial.upperTail(
                lw.counts().requests(),
                lw.counts().bad(),
                Math.min(1, rule.factor() * objective.budget()))
            < 1 - confidence) {
      return Outcome.FIRING;
    }
    return Outcome.NOT_FIRING;
  }

  static WindowCounts window(String label, WindowInput input, Objective objective) {
    return new WindowCounts(
        label, input.seconds(), input.counts(), burnRate(input.counts(), objective));
  }

  /**
   * The error budget left over a budget period: 1 untouched, 0 spent, negative overspent. A period
   * without requests has spent nothing.
   */
  public static double budgetRemaining(Counts period, Objective objective) {
    if (period.requests() == 0) {
      return 1;
    }
    return 1 - period.bad() / (objective.budget() * period.requests());
  }

  /**
   * @param seconds the window's length after time scaling
   * @param counts what it held
   */
  public record WindowInput(long seconds, Counts counts) {}
}
