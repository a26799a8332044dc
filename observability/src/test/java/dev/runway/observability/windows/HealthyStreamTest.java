package dev.runway.observability.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.SloStatus;
import dev.runway.observability.slo.BurnRules;
import dev.runway.observability.slo.JudgeSettings;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.slo.TimeScale;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A healthy stream at 0.05% 5xx (half the 99.9% budget) with a canary at 10% of the traffic never
 * breaches, over 100 seeded runs of ten scaled minutes each, judged every second by every rule and
 * by the canary test: the false-alarm rate the rollout guard would see.
 */
class HealthyStreamTest {

  private static final double ERROR_RATE = 0.0005;

  @Test
  void noBreachInAHundredSeededRuns() {
    TimeScale scale = new TimeScale(0.01);
    JudgeSettings settings =
        new JudgeSettings(BurnRules.WORKBOOK, scale, 100, 0.99, 0.999, Duration.ofDays(3));
    int breaches = 0;
    long judged = 0;
    for (int seed = 1; seed <= 100; seed++) {
      Random random = new Random(seed);
      Simulation sim = new Simulation(settings);
      long start = 2_000_000;
      for (long s = start; s < start + 600; s++) {
        long stable = 180;
        long canary = 20;
        sim.second("stable", s, stable, binomial(random, stable, ERROR_RATE));
        sim.second("canary", s, canary, binomial(random, canary, ERROR_RATE));
        for (SliVerdict verdict :
            new SliVerdict[] {
              sim.judge("stable", Optional.empty(), s),
              sim.judge("canary", Optional.of("stable"), s)
            }) {
          judged++;
          if (verdict.status() == SloStatus.BREACHED) {
            breaches++;
          }
        }
      }
    }
    assertThat(judged).isEqualTo(120_000);
    assertThat(breaches).as("false breaches").isZero();
  }

  @Test
  void theSameHarnessDoesSeeATenPercentCanary() {
    JudgeSettings settings =
        new JudgeSettings(
            BurnRules.WORKBOOK, new TimeScale(0.01), 100, 0.99, 0.999, Duration.ofDays(3));
    Random random = new Random(7);
    Simulation sim = new Simulation(settings);
    boolean breached = false;
    for (long s = 3_000_000; s < 3_000_060 && !breached; s++) {
      sim.second("stable", s, 180, binomial(random, 180, ERROR_RATE));
      sim.second("canary", s, 20, binomial(random, 20, 0.10));
      breached = sim.judge("canary", Optional.of("stable"), s).status() == SloStatus.BREACHED;
    }
    assertThat(breached).isTrue();
  }

  private static long binomial(Random random, long n, double p) {
    long k = 0;
    for (long i = 0; i < n; i++) {
      if (random.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }
}
