package dev.runway.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A step's own window: the verdict of a revision whose share changed rests on the seconds since, so
 * a low-traffic canary reaches a verdict by waiting, and the history before the step cannot make it
 * look healthy.
 */
class StepEvidenceTest {

  /** The demo's scale: the 5 min short window is 5 s, the 1 h long window 60 s. */
  private static final JudgeSettings SETTINGS =
      new JudgeSettings(
          BurnRules.WORKBOOK, new TimeScale(1.0 / 60), 100, 0.99, 0.999, Duration.ofDays(3));

  /** 1.3 requests/s: a 10% step of a region serving 13 requests/s. */
  private static final double CANARY_RATE = 1.3;

  private static SliJudge.WindowSource steady(double perSecond, double badRatio) {
    return seconds -> counts(perSecond, badRatio, seconds);
  }

  private static Counts counts(double perSecond, double badRatio, long seconds) {
    long requests = Math.round(perSecond * seconds);
    return new Counts(requests, Math.round(requests * badRatio));
  }

  private static SliVerdict judge(long stepSeconds, double badRatio) {
    return SliJudge.judge(
        Sli.AVAILABILITY,
        Objective.DEFAULT,
        SETTINGS,
        steady(CANARY_RATE, badRatio),
        Optional.of(new SliJudge.Stable("v1", steady(12, 0))),
        Optional.of(
            new SliJudge.Step(
                stepSeconds,
                counts(CANARY_RATE, badRatio, stepSeconds),
                Optional.of(counts(12, 0, stepSeconds)))));
  }

  @Test
  void aLowTrafficCanaryIsHealthyOnceItsStepHoldsTheMinimumSample() {
    // On the fixed windows it never is: 5 s of 1.3 requests/s is 7 requests, never 100.
    SliVerdict fixed =
        SliJudge.judge(
            Sli.AVAILABILITY,
            Objective.DEFAULT,
            SETTINGS,
            steady(CANARY_RATE, 0),
            Optional.of(new SliJudge.Stable("v1", steady(12, 0))));
    assertThat(fixed.status()).isEqualTo(SloStatus.INSUFFICIENT_DATA);

    assertThat(judge(30, 0).status()).isEqualTo(SloStatus.INSUFFICIENT_DATA);
    assertThat(judge(30, 0).requests()).isEqualTo(39);
    SliVerdict waited = judge(80, 0);
    assertThat(waited.status()).isEqualTo(SloStatus.HEALTHY);
    assertThat(waited.requests()).isEqualTo(104);
  }

  @Test
  void aLowTrafficCanaryThatFailsBreachesOnItsStepWithoutFixedWindowData() {
    SliVerdict verdict = judge(120, 0.2);
    assertThat(verdict.status()).isEqualTo(SloStatus.BREACHED);
    assertThat(verdict.decisive())
        .get()
        .extracting(Finding::rule)
        .isIn(Finding.STEP_RULE, Finding.STEP_CANARY_RULE);
  }

  @Test
  void healthyHistoryBeforeTheStepDoesNotMakeAnEmptyStepHealthy() {
    // Plenty of healthy requests in every fixed window, none yet since the share changed.
    SliVerdict verdict =
        SliJudge.judge(
            Sli.AVAILABILITY,
            Objective.DEFAULT,
            SETTINGS,
            steady(50, 0),
            Optional.empty(),
            Optional.of(new SliJudge.Step(0, Counts.NONE, Optional.empty())));
    assertThat(verdict.status()).isEqualTo(SloStatus.INSUFFICIENT_DATA);
    assertThat(verdict.requests()).isZero();
  }

  @Test
  void aStepWindowBeginsAWholeSecondAfterTheShiftPlusTheLagAndIsCapped() {
    Instant shifted = Instant.parse("2026-12-02T10:00:00.300Z");
    EvidenceWindow window = EvidenceWindow.since(shifted, Duration.ofSeconds(2), 1_000_000, 60);
    assertThat(window.start()).isEqualTo(Instant.parse("2026-12-02T10:00:03Z"));

    long now = window.fromSecond() + 9;
    EvidenceWindow tenSeconds = EvidenceWindow.since(shifted, Duration.ofSeconds(2), now, 60);
    assertThat(tenSeconds.seconds()).isEqualTo(10);
    assertThat(tenSeconds.end()).isEqualTo(window.start().plusSeconds(10));

    EvidenceWindow capped =
        EvidenceWindow.since(shifted, Duration.ofSeconds(2), window.fromSecond() + 500, 60);
    assertThat(capped.seconds()).isEqualTo(60);
    assertThat(capped.start()).isAfter(shifted);

    EvidenceWindow notBegun =
        EvidenceWindow.since(shifted, Duration.ofSeconds(2), window.fromSecond() - 2, 60);
    assertThat(notBegun.seconds()).isZero();
    assertThat(notBegun.end()).isEqualTo(notBegun.start());
  }
}
