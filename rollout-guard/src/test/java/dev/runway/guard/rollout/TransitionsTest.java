package dev.runway.guard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest.OnBreach;
import dev.runway.common.manifest.RunwayManifest.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionsTest {

  private static final List<List<String>> ONE_WAVE = List.of(Harness.REGIONS);
  private static final List<List<String>> TWO_WAVES =
      List.of(List.of("us-east1"), List.of("europe-west1", "us-west1"));

  private static Harness gradual(Environment env, OnBreach onBreach) {
    return Harness.of(env, Strategy.gradual, onBreach, ONE_WAVE);
  }

  @Test
  void gradualMovesEveryRegionTogetherThroughEveryStep() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    assertThat(h.start())
        .containsExactly(
            new Command.ShiftTraffic("europe-west1", "svc-staging-00002", 25),
            new Command.ShiftTraffic("us-east1", "svc-staging-00002", 25),
            new Command.ShiftTraffic("us-west1", "svc-staging-00002", 25));
    h.confirmShifts();
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.BAKING);
    h.healthyEverywhere();
    assertThat(h.after(Harness.BAKE.minusSeconds(1))).as("still baking").isEmpty();
    assertThat(h.after(Duration.ofSeconds(1)))
        .extracting(c -> ((Command.ShiftTraffic) c).percent())
        .containsExactly(50, 50, 50);
    h.confirmShifts();
    h.healthyEverywhere(); // every step needs its own verdict: the 25% one does not carry over
    h.after(Harness.BAKE);
    h.confirmShifts();
    h.healthyEverywhere();
    assertThat(h.after(Harness.BAKE))
        .containsExactly(new Command.ApprovePromotion("svc-staging-00002"));
    assertThat(h.state.status()).isEqualTo(RolloutStatus.WATCHING);
    h.after(Harness.WATCH.minusSeconds(10));
    h.healthyEverywhere(); // and the watch ends only on a fresh one
    assertThat(h.after(Duration.ofSeconds(10)))
        .containsExactly(new Command.Finish(RolloutStatus.SUCCEEDED, List.of()));
    assertThat(h.state.status()).isEqualTo(RolloutStatus.SUCCEEDED);
  }

  @Test
  void tooLittleDataExtendsTheBakeInsteadOfGuessing() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    assertThat(h.after(Harness.BAKE)).isEmpty();
    assertThat(h.state.regions().get("us-east1").extensions()).isEqualTo(1);
    h.verdict("us-east1", SloStatus.HEALTHY);
    assertThat(h.after(Harness.BAKE))
        .containsExactly(new Command.ShiftTraffic("us-east1", "svc-staging-00002", 50));
    assertThat(h.percent("europe-west1")).isEqualTo(25);
  }

  @Test
  void regionalStartsTheNextWaveOnlyAfterTheLastBakedHealthyAtFullTraffic() {
    Harness h = Harness.of(Environment.STAGING, Strategy.regional, OnBreach.region, TWO_WAVES);
    assertThat(h.start())
        .containsExactly(new Command.ShiftTraffic("us-east1", "svc-staging-00002", 25));
    h.confirmShifts();
    h.verdict("us-east1", SloStatus.HEALTHY);
    h.after(Harness.BAKE);
    h.confirmShifts();
    h.verdict("us-east1", SloStatus.HEALTHY);
    assertThat(h.after(Harness.BAKE))
        .containsExactly(new Command.ShiftTraffic("us-east1", "svc-staging-00002", 100));
    assertThat(h.phase("europe-west1")).isEqualTo(RegionPhase.WAITING);
    h.confirmShifts();
    h.verdict("us-east1", SloStatus.HEALTHY);
    assertThat(h.after(Harness.BAKE))
        .containsExactly(
            new Command.ShiftTraffic("europe-west1", "svc-staging-00002", 25),
            new Command.ShiftTraffic("us-west1", "svc-staging-00002", 25));
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.WATCHING);
  }

  @Test
  void regionalWithoutWavesTakesOneRegionAtATimeInTheManifestsOrder() {
    RolloutPolicy policy =
        RolloutPolicy.of(
            new dev.runway.common.manifest.RunwayManifest.Rollout(
                Strategy.regional, null, null, null, null, null, null, null),
            Harness.REGIONS,
            Evidence.DEFAULT);
    assertThat(policy.waves())
        .containsExactly(List.of("europe-west1"), List.of("us-east1"), List.of("us-west1"));
    assertThat(policy.steps()).containsExactly(25, 50, 75, 100);
  }

  @Test
  void expeditedGoesStraightToFullTrafficAndIsStillWatched() {
    Harness h = Harness.of(Environment.PRODUCTION, Strategy.expedited, OnBreach.region, ONE_WAVE);
    assertThat(h.start()).extracting(c -> ((Command.ShiftTraffic) c).percent()).containsOnly(100);
    h.confirmShifts();
    h.healthyEverywhere();
    h.after(Harness.BAKE);
    assertThat(h.phase("us-west1")).isEqualTo(RegionPhase.WATCHING);
    assertThat(h.verdict("us-west1", SloStatus.BREACHED))
        .containsExactly(
            new Command.Rollback(
                "us-west1",
                "svc-production-00001",
                "svc-production-00002 breached its SLO in us-west1"));
  }

  @Test
  void aBreachRollsBackThatRegionOnlyAndTheOthersCarryOn() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    List<Command> commands = h.verdict("us-east1", SloStatus.BREACHED);
    assertThat(commands)
        .containsExactly(
            new Command.Rollback(
                "us-east1", "svc-staging-00001", "svc-staging-00002 breached its SLO in us-east1"),
            new Command.BlockPromotion(
                "svc-staging-00002", "svc-staging-00002 breached its SLO in us-east1"));
    h.verdict("europe-west1", SloStatus.HEALTHY);
    h.verdict("us-west1", SloStatus.HEALTHY);
    for (int i = 0; i < 6; i++) {
      h.after(Harness.BAKE);
      h.confirmShifts();
      h.verdict("europe-west1", SloStatus.HEALTHY);
      h.verdict("us-west1", SloStatus.HEALTHY);
    }
    h.after(Harness.WATCH.minusSeconds(10));
    h.verdict("europe-west1", SloStatus.HEALTHY);
    h.verdict("us-west1", SloStatus.HEALTHY);
    h.after(Duration.ofSeconds(10));
    assertThat(h.phase("europe-west1")).isEqualTo(RegionPhase.DONE);
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.ROLLED_BACK);
    assertThat(h.all(Command.ShiftTraffic.class))
        .filteredOn(s -> s.region().equals("us-east1"))
        .as("never shifted again after its rollback")
        .hasSize(1);
    assertThat(h.all(Command.ApprovePromotion.class)).isEmpty();
    assertThat(h.all(Command.Finish.class))
        .containsExactly(new Command.Finish(RolloutStatus.ROLLED_BACK, List.of("us-east1")));
  }

  @Test
  void haltStopsTheWavesNotYetStarted() {
    Harness h = Harness.of(Environment.STAGING, Strategy.regional, OnBreach.halt, TWO_WAVES);
    h.start();
    h.confirmShifts();
    assertThat(h.verdict("us-east1", SloStatus.BREACHED))
        .hasSize(3)
        .last()
        .isEqualTo(new Command.Finish(RolloutStatus.ROLLED_BACK, List.of("us-east1")));
    assertThat(h.phase("europe-west1")).isEqualTo(RegionPhase.HALTED);
    assertThat(h.phase("us-west1")).isEqualTo(RegionPhase.HALTED);
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.all(Command.Finish.class))
        .containsExactly(new Command.Finish(RolloutStatus.ROLLED_BACK, List.of("us-east1")));
  }

  @Test
  void allRollsBackEveryServingRegion() {
    Harness h = gradual(Environment.PRODUCTION, OnBreach.all);
    h.start();
    h.confirmShifts();
    assertThat(h.verdict("us-west1", SloStatus.BREACHED))
        .filteredOn(Command.Rollback.class::isInstance)
        .extracting(c -> ((Command.Rollback) c).region())
        .containsExactlyInAnyOrder("europe-west1", "us-east1", "us-west1");
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.all(Command.BlockPromotion.class)).as("production promotes nothing").isEmpty();
  }

  @Test
  void aDuplicateOrLateBreachAfterTheRollbackChangesNothing() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    h.verdict("us-east1", SloStatus.BREACHED);
    Rollout before = h.state;
    assertThat(h.verdict("us-east1", SloStatus.BREACHED)).isEmpty();
    assertThat(h.send(new Input.Shifted("us-east1", 25, h.now))).isEmpty();
    assertThat(h.state.regions().get("us-east1").phase())
        .isEqualTo(before.regions().get("us-east1").phase());
  }

  @Test
  void whenThePreviousRevisionBreachesTooItStopsForAPersonInsteadOfBouncing() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    h.verdict("us-east1", SloStatus.BREACHED);
    assertThat(h.send(new Input.PreviousBreached("us-east1", h.now)))
        .containsExactly(
            new Command.RaiseRollbackFailed(
                "us-east1",
                "the previous revision svc-staging-00001 breaches in us-east1 too, after the rollback"),
            new Command.Finish(RolloutStatus.FAILED, List.of("us-east1")));
    assertThat(h.send(new Input.PreviousBreached("us-east1", h.now))).isEmpty();
    assertThat(h.verdict("europe-west1", SloStatus.BREACHED)).isEmpty();
    assertThat(h.after(Harness.BAKE)).isEmpty();
  }

  @Test
  void aFirstDeploymentTakesAllTrafficAndABreachThereNeedsAPerson() {
    Harness h =
        new Harness(
            Environment.STAGING,
            Harness.policy(Strategy.gradual, OnBreach.region, ONE_WAVE),
            Map.of("us-east1", "svc-staging-00001"));
    assertThat(h.start())
        .containsExactly(
            new Command.ShiftTraffic("europe-west1", "svc-staging-00002", 100),
            new Command.ShiftTraffic("us-east1", "svc-staging-00002", 25),
            new Command.ShiftTraffic("us-west1", "svc-staging-00002", 100));
    h.confirmShifts();
    assertThat(h.verdict("us-west1", SloStatus.BREACHED))
        .first()
        .isEqualTo(
            new Command.RaiseRollbackFailed(
                "us-west1",
                "svc-staging-00002 breaches in us-west1 and there is no previous revision to return to"));
    assertThat(h.state.status()).isEqualTo(RolloutStatus.FAILED);
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void productionNeverAsksForPromotion(Strategy strategy) {
    Harness h =
        Harness.of(
            Environment.PRODUCTION,
            strategy,
            OnBreach.region,
            strategy == Strategy.regional ? TWO_WAVES : ONE_WAVE);
    h.rollThrough();
    assertThat(h.state.status()).isEqualTo(RolloutStatus.SUCCEEDED);
    assertThat(h.all(Command.ApprovePromotion.class)).isEmpty();
    assertThat(h.all(Command.BlockPromotion.class)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void aHealthyStagingRolloutReachesFullTrafficEverywhereAndApprovesOnce(Strategy strategy) {
    Harness h =
        Harness.of(
            Environment.STAGING,
            strategy,
            OnBreach.region,
            strategy == Strategy.regional ? TWO_WAVES : ONE_WAVE);
    h.rollThrough();
    assertThat(h.state.status()).isEqualTo(RolloutStatus.SUCCEEDED);
    assertThat(h.all(Command.ApprovePromotion.class)).hasSize(1);
    assertThat(h.all(Command.Rollback.class)).isEmpty();
    for (String region : Harness.REGIONS) {
      assertThat(h.all(Command.ShiftTraffic.class))
          .filteredOn(s -> s.region().equals(region))
          .last()
          .extracting(Command.ShiftTraffic::percent)
          .isEqualTo(100);
    }
  }

  @Test
  void aPausedRolloutHoldsItsStepButABreachStillRollsBack() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    h.healthyEverywhere();
    h.send(new Input.Pause(h.now));
    assertThat(h.after(Harness.BAKE.multipliedBy(3))).isEmpty();
    assertThat(h.verdict("us-east1", SloStatus.BREACHED))
        .first()
        .isInstanceOf(Command.Rollback.class);
    h.send(new Input.Resume(h.now));
    assertThat(h.after(Duration.ofSeconds(1)))
        .as("the verdicts from before the pause are too old to count: the bake is extended")
        .isEmpty();
    h.verdict("europe-west1", SloStatus.HEALTHY);
    h.verdict("us-west1", SloStatus.HEALTHY);
    assertThat(h.after(Harness.BAKE))
        .extracting(c -> ((Command.ShiftTraffic) c).region())
        .containsExactly("europe-west1", "us-west1");
  }

  @Test
  void anOperatorRollsBackOneRegionOrEverything() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    assertThat(h.send(new Input.OperatorRollback(List.of("us-west1"), h.now)))
        .startsWith(
            new Command.Rollback("us-west1", "svc-staging-00001", "rolled back by an operator"));
    assertThat(h.send(new Input.OperatorRollback(List.of(), h.now)))
        .filteredOn(Command.Rollback.class::isInstance)
        .extracting(c -> ((Command.Rollback) c).region())
        .containsExactly("europe-west1", "us-east1");
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
  }

  @Test
  void startingTwiceOrConfirmingTheWrongShareDoesNothing() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    assertThat(h.start()).isEmpty();
    assertThat(h.send(new Input.Shifted("us-east1", 50, h.now))).isEmpty();
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.SHIFTING);
    assertThat(h.send(new Input.Shifted("asia-east1", 25, h.now))).isEmpty();
  }

  @Test
  void aNewerRevisionSupersedesTheRolloutAndItsLateFactsDoNothing() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    h.confirmShifts();
    assertThat(h.send(new Input.Supersede("svc-staging-00003", h.now)))
        .containsExactly(new Command.Finish(RolloutStatus.SUPERSEDED, List.of()));
    assertThat(h.state.finished()).isTrue();
    assertThat(h.send(Input.Verdict.breach("us-east1", h.now))).isEmpty();
    assertThat(h.after(Harness.BAKE)).isEmpty();
  }

  @Test
  void servingIsTheConfirmedShareOnly() {
    Harness h = gradual(Environment.STAGING, OnBreach.region);
    h.start();
    RegionProgress east = h.state.regions().get("us-east1");
    assertThat(h.state.serving(east)).as("asked for, not yet confirmed").isZero();
    h.confirmShifts();
    assertThat(h.state.serving(h.state.regions().get("us-east1"))).isEqualTo(25);
  }

  @Test
  void aPreviousRevisionBreachingAfterTheRolloutEndedRolledBackStillNeedsAPerson() {
    Harness h = gradual(Environment.PRODUCTION, OnBreach.all);
    h.start();
    h.confirmShifts();
    h.verdict("us-west1", SloStatus.BREACHED);
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.send(new Input.PreviousBreached("us-east1", h.now)))
        .startsWith(
            new Command.RaiseRollbackFailed(
                "us-east1",
                "the previous revision svc-production-00001 breaches in us-east1 too, after the"
                    + " rollback"));
    assertThat(h.state.status()).isEqualTo(RolloutStatus.FAILED);
    assertThat(h.send(new Input.PreviousBreached("us-east1", h.now))).isEmpty();
  }
}
