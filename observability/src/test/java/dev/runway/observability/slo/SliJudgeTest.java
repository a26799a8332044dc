package dev.runway.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.Severity;
import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SliJudgeTest {

  private static final JudgeSettings SETTINGS =
      new JudgeSettings(
          BurnRules.WORKBOOK, TimeScale.REAL_TIME, 100, 0.99, 0.999, Duration.ofDays(3));

  /** The same ratio in every window, with {@code perSecond} requests a second. */
  private static SliJudge.WindowSource steady(double perSecond, double badRatio) {
    return seconds -> {
      long requests = Math.round(perSecond * seconds);
      return new Counts(requests, Math.round(requests * badRatio));
    };
  }

  @Test
  void healthyWithEnoughRequests() {
    SliVerdict verdict =
        SliJudge.judge(
            Sli.AVAILABILITY, Objective.DEFAULT, SETTINGS, steady(10, 0), Optional.empty());
    assertThat(verdict.status()).isEqualTo(SloStatus.HEALTHY);
    assertThat(verdict.findings()).hasSize(4);
    assertThat(verdict.decisive()).isEmpty();
    assertThat(verdict.budgetRemaining()).isEqualTo(1);
  }

  @Test
  void neverHealthyWithoutRequests() {
    SliVerdict verdict =
        SliJudge.judge(
            Sli.AVAILABILITY, Objective.DEFAULT, SETTINGS, s -> Counts.NONE, Optional.empty());
    assertThat(verdict.status()).isEqualTo(SloStatus.INSUFFICIENT_DATA);
  }

  @Test
  void aSlowBurnOnlyFiresTheTicketRuleAndTheEventNamesIt() {
    // 0.2% bad: a 2x burn fires only the 3d/6h rule (factor 1).
    SliVerdict verdict =
        SliJudge.judge(
            Sli.AVAILABILITY, Objective.DEFAULT, SETTINGS, steady(10, 0.002), Optional.empty());
    assertThat(verdict.status()).isEqualTo(SloStatus.BREACHED);
    assertThat(verdict.decisive()).get().extracting(Finding::rule).isEqualTo("ticket-3d-6h");
  }

  @Test
  void aFastBurnFiresEveryRuleAndThePageIsDecisive() {
    SliVerdict verdict =
        SliJudge.judge(
            Sli.AVAILABILITY, Objective.DEFAULT, SETTINGS, steady(10, 0.5), Optional.empty());
    assertThat(verdict.findings()).allMatch(Finding::firing);
    assertThat(verdict.decisive()).get().extracting(Finding::severity).isEqualTo(Severity.page);
  }

  @Test
  void aCanaryIsComparedWithTheStableRevisionOverTheFastRulesShortWindow() {
    long[] asked = new long[1];
    SliJudge.WindowSource stable =
        seconds -> {
          asked[0] = seconds;
          return new Counts(seconds * 10, 0);
        };
    SliVerdict verdict =
        SliJudge.judge(
            Sli.AVAILABILITY,
            Objective.DEFAULT,
            SETTINGS,
            steady(1, 0.2),
            Optional.of(new SliJudge.Stable("svc-staging-00001", stable)));
    assertThat(asked[0]).isEqualTo(300);
    assertThat(verdict.findings()).hasSize(5);
    assertThat(verdict.findings().get(4).rule()).isEqualTo(Finding.CANARY_RULE);
    assertThat(verdict.findings().get(4).firing()).isTrue();
  }

  @Test
  void theLatencySliUsesTheSameRulesOnSlowRequests() {
    SliVerdict verdict =
        SliJudge.judge(
            Sli.LATENCY, Objective.DEFAULT, SETTINGS, steady(10, 0.03), Optional.empty());
    assertThat(verdict.sli()).isEqualTo(Sli.LATENCY);
    assertThat(verdict.status()).isEqualTo(SloStatus.BREACHED);
  }

  @Test
  void theTimeScaleShrinksWindowsButNotThresholds() {
    TimeScale scale = new TimeScale(1 / 60.0);
    assertThat(scale.seconds(Duration.ofHours(1))).isEqualTo(60);
    assertThat(scale.seconds(Duration.ofMinutes(5))).isEqualTo(5);
    assertThat(scale.seconds(Duration.ofDays(3))).isEqualTo(4320);
    assertThat(new TimeScale(0.0001).seconds(Duration.ofMinutes(5))).isEqualTo(1);
    JudgeSettings scaled =
        new JudgeSettings(BurnRules.WORKBOOK, scale, 100, 0.99, 0.999, Duration.ofDays(3));
    assertThat(scaled.windowSeconds()).containsExactly(5L, 30L, 60L, 120L, 360L, 1440L, 4320L);
    long[] asked = new long[] {Long.MAX_VALUE};
    SliJudge.judge(
        Sli.AVAILABILITY,
        Objective.DEFAULT,
        scaled,
        seconds -> {
          asked[0] = Math.min(asked[0], seconds);
          return new Counts(1000, 0);
        },
        Optional.empty());
    assertThat(asked[0]).isEqualTo(5);
  }

  @Test
  void settingsRefuseNonsense() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TimeScale(0))
        .hasMessageContaining("runway.slo.time-scale");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new JudgeSettings(
                    BurnRules.WORKBOOK, TimeScale.REAL_TIME, 0, 0.99, 0.999, Duration.ofDays(3)))
        .hasMessageContaining("runway.slo.min-requests");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new JudgeSettings(
                    BurnRules.WORKBOOK, TimeScale.REAL_TIME, 10, 1.5, 0.999, Duration.ofDays(3)))
        .hasMessageContaining("runway.slo.confidence");
  }
}
