package dev.runway.observability.slo;

import java.time.Duration;
import java.util.List;

/**
 * How SLIs are judged, the same for every service.
 *
 * @param rules the burn-rate rules, fastest first
 * @param scale the time scale applied to every window
 * @param minRequests fewer requests than this in a window is insufficient data
 * @param confidence the canary test's one-sided confidence
 * @param ruleConfidence the confidence a burn-rate rule's long window must reach before it fires
 * @param budgetPeriod the period the error budget is counted over
 */
public record JudgeSettings(
    List<BurnRule> rules,
    TimeScale scale,
    long minRequests,
    double confidence,
    double ruleConfidence,
    Duration budgetPeriod) {

  public JudgeSettings {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("at least one burn-rate rule is needed");
    }
    if (minRequests < 1) {
      throw new IllegalArgumentException("runway.slo.min-requests must be at least 1");
    }
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("runway.slo.confidence must lie in (0.5, 1), e.g. 0.99");
    }
    if (!(ruleConfidence > 0.5 && ruleConfidence < 1)) {
      throw new IllegalArgumentException(
          "runway.slo.rule-confidence must lie in (0.5, 1), e.g. 0.999");
    }
  }

  /** Every window length, in scaled seconds, that evaluation reads. */
  public List<Long> windowSeconds() {
    return java.util.stream.Stream.concat(
            BurnRules.windows(rules).stream(), java.util.stream.Stream.of(budgetPeriod))
        .map(scale::seconds)
        .distinct()
        .sorted()
        .toList();
  }
}
