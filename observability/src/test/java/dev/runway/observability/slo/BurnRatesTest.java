package dev.runway.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every workbook rule at, just under and just over its threshold, in both windows. */
class BurnRatesTest {

  private static final Objective SLO = Objective.DEFAULT; // 99.9%: budget 0.001
  private static final long MIN = 100;
  private static final long N = 1_000_000; // big enough that one request moves the ratio little

  static Stream<Arguments> rulesAndOffsets() {
    return BurnRules.WORKBOOK.stream()
        .flatMap(
            rule ->
                Stream.of(-10L, -1L, 0L, 1L, 10L)
                    .flatMap(
                        longOffset ->
                            Stream.of(-1L, 0L, 1L)
                                .map(shortOffset -> Arguments.of(rule, longOffset, shortOffset))));
  }

  /** Bad requests exactly at the threshold: factor × budget × N. */
  private static long atThreshold(BurnRule rule) {
    return Math.round(rule.factor() * SLO.budget() * N);
  }

  @ParameterizedTest(name = "{0} long {1} short {2}")
  @MethodSource("rulesAndOffsets")
  void firesOnlyWhenBothWindowsExceedTheFactor(BurnRule rule, long longOffset, long shortOffset) {
    long longBad = atThreshold(rule) + longOffset;
    long shortBad = atThreshold(rule) + shortOffset;
    Finding finding =
        BurnRates.evaluate(
            rule,
            SLO,
            MIN,
            0.5, // at 0.5 the significance test reduces to the threshold itself
            new BurnRates.WindowInput(3600, new Counts(N, longBad)),
            new BurnRates.WindowInput(300, new Counts(N, shortBad)));
    boolean expected = longOffset > 0 && shortOffset > 0;
    assertThat(finding.outcome()).isEqualTo(expected ? Outcome.FIRING : Outcome.NOT_FIRING);
    assertThat(finding.burnRate())
        .isCloseTo(
            Math.min(longBad, shortBad) / (double) N / SLO.budget(),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(finding.rule()).isEqualTo(rule.name());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 50, 98, 99})
  void tooFewRequestsInEitherWindowIsInsufficientDataEvenWhenEverythingFails(long requests) {
    BurnRule rule = BurnRules.WORKBOOK.get(0);
    Finding shortStarved =
        BurnRates.evaluate(
            rule,
            SLO,
            MIN,
            0.999,
            new BurnRates.WindowInput(3600, new Counts(10_000, 10_000)),
            new BurnRates.WindowInput(300, new Counts(requests, requests)));
    Finding longStarved =
        BurnRates.evaluate(
            rule,
            SLO,
            MIN,
            0.999,
            new BurnRates.WindowInput(3600, new Counts(requests, 0)),
            new BurnRates.WindowInput(300, new Counts(10_000, 0)));
    assertThat(shortStarved.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(longStarved.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
  }

  @ParameterizedTest
  @ValueSource(longs = {100, 101, 1000})
  void theMinimumItselfIsEnough(long requests) {
    Finding finding =
        BurnRates.evaluate(
            BurnRules.WORKBOOK.get(0),
            SLO,
            MIN,
            0.999,
            new BurnRates.WindowInput(3600, new Counts(requests, 0)),
            new BurnRates.WindowInput(300, new Counts(requests, 0)));
    assertThat(finding.outcome()).isEqualTo(Outcome.NOT_FIRING);
  }

  @ParameterizedTest
  @ValueSource(doubles = {99.0, 99.5, 99.9, 99.95, 99.99})
  void theThresholdFollowsTheObjective(double objective) {
    Objective slo = new Objective(objective, 1024);
    BurnRule rule = BurnRules.WORKBOOK.get(1); // 6x
    long threshold = Math.round(rule.factor() * slo.budget() * N);
    Finding under =
        BurnRates.evaluate(
            rule,
            slo,
            MIN,
            0.5,
            new BurnRates.WindowInput(1, new Counts(N, threshold - 1)),
            new BurnRates.WindowInput(1, new Counts(N, threshold - 1)));
    Finding over =
        BurnRates.evaluate(
            rule,
            slo,
            MIN,
            0.5,
            new BurnRates.WindowInput(1, new Counts(N, threshold + 1)),
            new BurnRates.WindowInput(1, new Counts(N, threshold + 1)));
    assertThat(under.outcome()).isEqualTo(Outcome.NOT_FIRING);
    assertThat(over.outcome()).isEqualTo(Outcome.FIRING);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 500, 999, 1000})
  void budgetRemainingCountsBadAgainstTheAllowance(long bad) {
    // 1 000 000 requests at 99.9% allow 1 000 bad ones.
    double remaining = BurnRates.budgetRemaining(new Counts(N, bad), SLO);
    assertThat(remaining).isCloseTo(1 - bad / 1000.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @org.junit.jupiter.api.Test
  void anOverspentBudgetIsNegativeAndAnUnusedOneIsWhole() {
    assertThat(BurnRates.budgetRemaining(new Counts(N, 3000), SLO))
        .isCloseTo(-2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(BurnRates.budgetRemaining(Counts.NONE, SLO)).isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void oneFailureAmongAFewHundredRequestsIsNotSignificantButTenPercentIs() {
    BurnRule slowest = BurnRules.WORKBOOK.get(3); // 1x: a single failure in 200 is a 5x burn
    Finding noise =
        BurnRates.evaluate(
            slowest,
            SLO,
            MIN,
            0.999,
            new BurnRates.WindowInput(3600, new Counts(200, 1)),
            new BurnRates.WindowInput(300, new Counts(200, 1)));
    Finding real =
        BurnRates.evaluate(
            slowest,
            SLO,
            MIN,
            0.999,
            new BurnRates.WindowInput(3600, new Counts(300, 30)),
            new BurnRates.WindowInput(300, new Counts(300, 30)));
    assertThat(noise.burnRate()).isGreaterThan(slowest.factor());
    assertThat(noise.outcome()).isEqualTo(Outcome.NOT_FIRING);
    assertThat(real.outcome()).isEqualTo(Outcome.FIRING);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "10,1,0.1,0.6513216",
    "10,0,0.1,1",
    "10,11,0.1,0",
    "100,2,0.001,0.0046381",
    "1000000,14500,0.0144,0.2003"
  })
  void binomialUpperTails(long n, long k, double p, double tail) {
    assertThat(Binomial.upperTail(n, k, p))
        .isCloseTo(tail, org.assertj.core.data.Offset.offset(2e-3));
  }

  @org.junit.jupiter.api.Test
  void theWorkbookRulesAreNamedByTheirWindows() {
    assertThat(BurnRules.WORKBOOK.stream().map(BurnRule::name))
        .containsExactly("page-1h-5m", "page-6h-30m", "ticket-1d-2h", "ticket-3d-6h");
    assertThat(BurnRules.windows(BurnRules.WORKBOOK).stream().map(BurnRule::label))
        .containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d");
  }
}
