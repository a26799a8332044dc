package dev.runway.observability.slo;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges one revision's SLI from its windows: pure, so it is tested by the hundred. */
public final class SliJudge {
  private SliJudge() {}

  /** Counts of one revision's SLI over the last {@code seconds} (scaled) seconds. */
  @FunctionalInterface
  public interface WindowSource {
    Counts over(long seconds);
  }

  /**
   * @param revision the stable revision serving the same region
   * @param source its counts for the same SLI
   */
  public record Stable(String revision, WindowSource source) {}

  public static SliVerdict judge(
      Sli sli,
      Objective objective,
      JudgeSettings settings,
      WindowSource own,
      Optional<Stable> stable) {
    List<Finding> findings = new ArrayList<>();
    for (BurnRule rule : settings.rules()) {
      findings.add(
          BurnRates.evaluate(
              rule,
              objective,
              settings.minRequests(),
              settings.ruleConfidence(),
              input(own, settings.scale().seconds(rule.longWindow())),
              input(own, settings.scale().seconds(rule.shortWindow()))));
    }
    BurnRule fastest = BurnRules.fastest(settings.rules());
    if (stable.isPresent()) {
      long shortSeconds = settings.scale().seconds(fastest.shortWindow());
      findings.add(
          CanaryTest.evaluate(
              fastest,
              objective,
              settings.minRequests(),
              settings.confidence(),
              input(own, shortSeconds),
              stable.get().revision(),
              stable.get().source().over(shortSeconds)));
    }
    SloStatus status;
    if (findings.stream().anyMatch(Finding::firing)) {
      status = SloStatus.BREACHED;
    } else if (findings.get(0).outcome() == Outcome.NOT_FIRING) {
      status = SloStatus.HEALTHY;
    } else {
      status = SloStatus.INSUFFICIENT_DATA;
    }
    double budget =
        BurnRates.budgetRemaining(
            own.over(settings.scale().seconds(settings.budgetPeriod())), objective);
    return new SliVerdict(sli, status, findings, budget);
  }

  private static BurnRates.WindowInput input(WindowSource source, long seconds) {
    return new BurnRates.WindowInput(seconds, source.over(seconds));
  }
}
