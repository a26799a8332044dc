package dev.runway.observability.slo;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a rule takes to fire once a revision starts failing a share of its requests, with
 * traffic at a steady rate and the windows full of healthy history: the long window's bad ratio
 * grows as {@code errorRate * t / long}, the short one's as {@code errorRate * t / short}, and the
 * rule fires when both exceed {@code factor * budget}, so at {@code factor * budget * long /
 * errorRate}. An error rate at or below {@code factor * budget} never fires the rule.
 */
public final class DetectionTime {
  private DetectionTime() {}

  public static Optional<Duration> of(
      BurnRule rule, Objective objective, double errorRate, TimeScale scale) {
    double threshold = rule.factor() * objective.budget();
    if (errorRate <= threshold) {
      return Optional.empty();
    }
    double longSeconds = scale.seconds(rule.longWindow());
    double seconds = threshold * longSeconds / errorRate;
    return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
  }
}
