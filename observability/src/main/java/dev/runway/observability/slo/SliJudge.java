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

  /**
   * What a revision served since its share last changed ({@link EvidenceWindow}).
   *
   * @param seconds the window's length
   * @param own the revision's counts in it
   * @param stable the stable revision's counts over the same seconds, when there is one
   */
  public record Step(long seconds, Counts own, Optional<Counts> stable) {}

  public static SliVerdict judge(
      Sli sli,
      Objective objective,
      JudgeSettings settings,
      WindowSource own,
      Optional<Stable> stable) {
    return judge(sli, objective, settings, own, stable, Optional.empty());
  }

  /**
   * Judges the SLI. With a {@code step}, HEALTHY rests on the step's own seconds: enough requests
   * since the share changed and no burn there, whatever the fixed windows held before it; any rule
   * that fires still breaches. Without one, on the fastest rule's windows.
   */
  public static SliVerdict judge(
      Sli sli,
      Objective objective,
      JudgeSettings settings,
      WindowSource own,
      Optional<Stable> stable,
      Optional<Step> step) {
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
    Finding decides = findings.get(0);
    long requests = own.over(settings.scale().seconds(fastest.shortWindow())).requests();
    if (step.isPresent()) {
      Step s = step.get();
      BurnRates.WindowInput input = new BurnRates.WindowInput(s.seconds(), s.own());
      decides =
          BurnRates.step(
              fastest, objective, settings.minRequests(), settings.ruleConfidence(), input);
      findings.add(decides);
      requests = s.own().requests();
      if (stable.isPresent() && s.stable().isPresent()) {
        findings.add(
            CanaryTest.evaluate(
                Finding.STEP_CANARY_RULE,
                Finding.STEP_WINDOW,
                fastest,
                objective,
                settings.minRequests(),
                settings.confidence(),
                input,
                stable.get().revision(),
                s.stable().get()));
      }
    }
    SloStatus status;
    if (findings.stream().anyMatch(Finding::firing)) {
      status = SloStatus.BREACHED;
    } else if (decides.outcome() == Outcome.NOT_FIRING) {
      status = SloStatus.HEALTHY;
    } else {
      status = SloStatus.INSUFFICIENT_DATA;
    }
    double budget =
        BurnRates.budgetRemaining(
            own.over(settings.scale().seconds(settings.budgetPeriod())), objective);
    return new SliVerdict(sli, status, findings, budget, requests);
  }

  private static BurnRates.WindowInput input(WindowSource source, long seconds) {
    return new BurnRates.WindowInput(seconds, source.over(seconds));
  }
}
