package dev.runway.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanaryTestTest {

  private static final BurnRule FASTEST = BurnRules.WORKBOOK.get(0);
  private static final Objective SLO = Objective.DEFAULT;

  private static Finding judge(
      long canaryRequests, long canaryBad, long stableRequests, long stableBad) {
    return CanaryTest.evaluate(
        FASTEST,
        SLO,
        100,
        0.99,
        new BurnRates.WindowInput(300, new Counts(canaryRequests, canaryBad)),
        "svc-staging-00001",
        new Counts(stableRequests, stableBad));
  }

  @Test
  void aCanaryFailingTenPercentAgainstAHealthyStableFires() {
    Finding finding = judge(200, 20, 1800, 1);
    assertThat(finding.outcome()).isEqualTo(Outcome.FIRING);
    assertThat(finding.rule()).isEqualTo("canary-vs-stable");
    assertThat(finding.comparison())
        .get()
        .satisfies(c -> assertThat(c.zScore()).isGreaterThan(2.33));
  }

  @Test
  void aRegionWideFaultThatHurtsBothAlikeIsNotTheCanarysFault() {
    assertThat(judge(200, 20, 1800, 180).outcome()).isEqualTo(Outcome.NOT_FIRING);
  }

  @Test
  void significantlyWorseButWithinTheFastRulesBurnDoesNotFire() {
    // 1% bad: clearly worse than 0%, but a burn of 10x is under the fast rule's 14.4x.
    assertThat(judge(100_000, 1000, 100_000, 0).outcome()).isEqualTo(Outcome.NOT_FIRING);
  }

  @ParameterizedTest
  @CsvSource({"99,50,1000,0", "1000,500,99,0", "0,0,1000,0"})
  void tooFewRequestsOnEitherSideIsInsufficientData(long cr, long cb, long sr, long sb) {
    assertThat(judge(cr, cb, sr, sb).outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
  }

  @Test
  void zScoreMatchesTheTextbookTwoProportionTest() {
    // p1 = 0.10 (n 200), p2 = 0.05 (n 400): pooled 0.0667, se = sqrt(.0667*.9333*(1/200+1/400))
    double z = CanaryTest.zScore(new Counts(200, 20), new Counts(400, 20));
    assertThat(z).isCloseTo(0.05 / Math.sqrt(0.0666667 * 0.9333333 * (0.0075)), offset(1e-4));
  }

  @Test
  void zScoreIsZeroWithoutSpreadOrRequests() {
    assertThat(CanaryTest.zScore(new Counts(100, 0), new Counts(100, 0))).isZero();
    assertThat(CanaryTest.zScore(new Counts(100, 100), new Counts(100, 100))).isZero();
    assertThat(CanaryTest.zScore(Counts.NONE, new Counts(100, 1))).isZero();
  }

  @Test
  void aBetterCanaryHasANegativeScoreAndNeverFires() {
    assertThat(CanaryTest.zScore(new Counts(1000, 0), new Counts(1000, 100))).isNegative();
    assertThat(judge(1000, 0, 1000, 100).outcome()).isEqualTo(Outcome.NOT_FIRING);
  }

  @ParameterizedTest
  @CsvSource({
    "0.5,0",
    "0.8413447,1",
    "0.95,1.6448536",
    "0.975,1.9599640",
    "0.99,2.3263479",
    "0.999,3.0902323",
    "0.01,-2.3263479",
    "0.0001,-3.7190165"
  })
  void normalQuantileMatchesTables(double p, double z) {
    assertThat(NormalQuantile.of(p)).isCloseTo(z, offset(1e-5));
  }
}
