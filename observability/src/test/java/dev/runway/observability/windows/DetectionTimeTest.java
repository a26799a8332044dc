package dev.runway.observability.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.observability.slo.BurnRule;
import dev.runway.observability.slo.BurnRules;
import dev.runway.observability.slo.DetectionTime;
import dev.runway.observability.slo.Finding;
import dev.runway.observability.slo.JudgeSettings;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.slo.TimeScale;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detection times docs/slo.md states, computed by {@link DetectionTime}, are what the real
 * windows and judge give: steady traffic with the windows full of healthy history, then a fault.
 */
class DetectionTimeTest {

  private static final TimeScale SCALE = new TimeScale(0.01);
  // Traffic high enough that the rules' significance test holds as soon as the threshold is
  // crossed, as it does for a real service over real-time windows.
  private static final long RATE = 20_000;

  static Stream<Arguments> cases() {
    return BurnRules.WORKBOOK.stream()
        .flatMap(rule -> Stream.of(1.0, 0.1, 0.02).map(rate -> Arguments.of(rule, rate)));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("cases")
  void simulatedDetectionMatchesTheComputedTime(BurnRule rule, double errorRate) {
    JudgeSettings settings =
        new JudgeSettings(List.of(rule), SCALE, 100, 0.99, 0.999, Duration.ofDays(3));
    Simulation sim = new Simulation(settings);
    long longest = SCALE.seconds(rule.longWindow());
    long start = 1_000_000;
    for (long s = start - longest - 10; s < start; s++) {
      sim.second("v1", s, RATE, 0);
    }
    Optional<Duration> expected = DetectionTime.of(rule, Objective.DEFAULT, errorRate, SCALE);
    long errorsPerSecond = Math.round(RATE * errorRate);
    Long detectedAfter = null;
    for (long s = start; s < start + 2 * longest + 10; s++) {
      sim.second("v1", s, RATE, errorsPerSecond);
      SliVerdict verdict = sim.judge("v1", Optional.empty(), s);
      if (verdict.findings().get(0).firing()) {
        detectedAfter = s - start + 1;
        break;
      }
    }
    if (expected.isEmpty()) {
      assertThat(detectedAfter).as("never fires").isNull();
      return;
    }
    // Telemetry comes in whole seconds and long windows in wider slots: allow one slot and a
    // second; the significance test needs the count a few percent past the threshold.
    double expectedSeconds = expected.get().toMillis() / 1000.0;
    double tolerance =
        Math.max(Math.max(2, Math.ceil(longest / 600.0) + 1), 0.05 * expectedSeconds);
    assertThat(detectedAfter).as("fired").isNotNull();
    assertThat((double) detectedAfter)
        .isCloseTo(expectedSeconds, org.assertj.core.data.Offset.offset(tolerance));
  }

  @Test
  void theWorkbookFiguresInRealTime() {
    // SRE workbook table 5-8, 99.9%: 1h/14.4x detects a 100% outage in 0.864 minutes.
    BurnRule page = BurnRules.WORKBOOK.get(0);
    assertThat(DetectionTime.of(page, Objective.DEFAULT, 1.0, TimeScale.REAL_TIME))
        .contains(Duration.ofMillis(51_840));
    assertThat(DetectionTime.of(page, Objective.DEFAULT, 0.1, TimeScale.REAL_TIME))
        .contains(Duration.ofMillis(518_400));
    assertThat(DetectionTime.of(page, Objective.DEFAULT, 0.01, TimeScale.REAL_TIME)).isEmpty();
  }

  @Test
  void aFreshRevisionWithoutHistoryIsJudgedAsSoonAsItHasTheMinimum() {
    JudgeSettings settings =
        new JudgeSettings(BurnRules.WORKBOOK, SCALE, 100, 0.99, 0.999, Duration.ofDays(3));
    Simulation sim = new Simulation(settings);
    sim.second("v2", 5000, 60, 6);
    assertThat(sim.judge("v2", Optional.empty(), 5000).status().name())
        .isEqualTo("INSUFFICIENT_DATA");
    sim.second("v2", 5001, 60, 6);
    SliVerdict verdict = sim.judge("v2", Optional.empty(), 5001);
    assertThat(verdict.decisive()).get().extracting(Finding::rule).isEqualTo("page-1h-5m");
  }
}
