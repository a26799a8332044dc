package dev.runway.guard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest.OnBreach;
import dev.runway.common.manifest.RunwayManifest.OnStall;
import dev.runway.common.manifest.RunwayManifest.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When unsure, hold and say why: every step needs its own fresh evidence, every step has a
 * deadline, and a step that cannot finish stalls loudly instead of waiting forever.
 */
class FailClosedTest {

  private static final String V2 = "svc-staging-00002";
  private static final Duration DEADLINE = Harness.BAKE.multipliedBy(10);

  private static Harness gradual(OnBreach onBreach, OnStall onStall) {
    return new Harness(
        Environment.STAGING,
        new RolloutPolicy(
            Strategy.gradual,
            List.of(25, 50, 100),
            List.of(Harness.REGIONS),
            Harness.BAKE,
            onBreach,
            Harness.WATCH,
            null,
            onStall,
            null),
        Harness.previousEverywhere(Environment.STAGING));
  }

  /** The reason of the one stall among {@code caused}. */
  private static String stallReason(List<Command> caused) {
    List<Command.Stall> stalls =
        caused.stream()
            .filter(Command.Stall.class::isInstance)
            .map(Command.Stall.class::cast)
            .toList();
    assertThat(stalls).hasSize(1);
    return stalls.get(0).reason();
  }

  /** Ticks once a second for {@code duration}; returns every command they caused. */
  private static List<Command> tickFor(Harness h, Duration duration) {
    List<Command> caused = new java.util.ArrayList<>();
    for (long s = 0; s < duration.toSeconds(); s++) {
      caused.addAll(h.after(Duration.ofSeconds(1)));
    }
    return caused;
  }

  @Test
  void theDefaultDeadlineIsTenBakesAtMostTenMinutes() {
    assertThat(Harness.policy(Strategy.gradual, OnBreach.region, List.of()).progressDeadline())
        .isEqualTo(Duration.ofMinutes(5));
    RolloutPolicy slow =
        new RolloutPolicy(
            Strategy.gradual,
            List.of(100),
            List.of(),
            Duration.ofMinutes(5),
            OnBreach.region,
            Harness.WATCH,
            null,
            null,
            null);
    assertThat(slow.progressDeadline()).isEqualTo(Duration.ofMinutes(10));
    assertThat(slow.onStall()).isEqualTo(OnStall.pause);
  }

  @Test
  void aHealthyVerdictAtOneStepIsNoEvidenceForTheNext() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    h.healthyEverywhere();
    assertThat(h.after(Harness.BAKE)).hasSize(3); // to 50% on the 25% step's own verdicts
    h.confirmShifts();

    // Observability goes quiet: its last word, HEALTHY, was judged at 25%
    List<Command> caused = tickFor(h, DEADLINE.minusSeconds(1));

    assertThat(caused).noneMatch(Command.ShiftTraffic.class::isInstance);
    assertThat(h.percent("us-east1")).isEqualTo(50);
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.BAKING);
  }

  @Test
  void aVerdictOverAWindowBegunBeforeTheStepTookEffectDoesNotCount() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    Instant shifted = h.now;
    // Judged now, but over a window that began a second after the shift, inside the metric lag:
    // part of it saw the old split.
    h.now = h.now.plusSeconds(5);
    for (String region : Harness.REGIONS) {
      h.send(new Input.Verdict(region, SloStatus.HEALTHY, h.now, shifted.plusSeconds(1), h.now));
    }

    assertThat(h.after(Harness.BAKE)).isEmpty();
    assertThat(h.state.regions().get("us-east1").extensions()).isEqualTo(1);
    assertThat(h.state.regions().get("us-east1").sloFrom()).isEqualTo(shifted.plusSeconds(1));
  }

  @Test
  void aVerdictThatNamesNoWindowIsNoEvidence() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    h.now = h.now.plusSeconds(5);
    for (String region : Harness.REGIONS) {
      h.send(new Input.Verdict(region, SloStatus.HEALTHY, h.now, null, h.now));
    }

    assertThat(h.after(Harness.BAKE)).isEmpty();
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.BAKING);
  }

  @Test
  void evidenceThatAccumulatedSinceTheStepCountsAfterExtensions() {
    // A low-traffic canary: its window grows from the step's start until it holds enough
    // requests, so the verdict that finally comes is over a window begun bakes ago. The step's
    // extensions must not make it look stale.
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    Instant shifted = h.now;
    h.after(Harness.BAKE);
    h.after(Harness.BAKE);
    assertThat(h.state.regions().get("us-east1").extensions()).isEqualTo(2);

    for (String region : Harness.REGIONS) {
      h.send(
          new Input.Verdict(
              region, SloStatus.HEALTHY, h.now, shifted.plus(Evidence.DEFAULT.metricLag()), h.now));
    }
    assertThat(h.after(Harness.BAKE)).anyMatch(Command.ShiftTraffic.class::isInstance);
  }

  @Test
  void aHealthyVerdictOlderThanTheFreshnessBoundDoesNotCount() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    h.healthyEverywhere(); // judged 2 s after the shift
    Duration tooLate = Evidence.DEFAULT.freshness().plusSeconds(3);

    assertThat(h.after(tooLate))
        .as("older than %s by then", Evidence.DEFAULT.freshness())
        .isEmpty();
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.BAKING);
  }

  @Test
  void bakeExtensionsStayInsideTheDeadlineAndThenTheRolloutPausesSayingWhy() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    for (String region : Harness.REGIONS) {
      h.verdict(region, SloStatus.INSUFFICIENT_DATA);
    }

    List<Command> caused = tickFor(h, DEADLINE.plusSeconds(5));

    assertThat(caused)
        .filteredOn(Command.Stall.class::isInstance)
        .extracting(c -> ((Command.Stall) c).action())
        .containsExactly(OnStall.pause);
    assertThat(stallReason(caused))
        .contains("no fresh HEALTHY verdict at 25%")
        .contains("INSUFFICIENT_DATA")
        .contains("progress deadline of 300 s");
    assertThat(h.state.paused()).isTrue();
    assertThat(h.state.hold()).startsWith("stalled: ").endsWith("resume or roll back");
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLING);
    assertThat(h.state.regions().get("us-east1").extensions()).isLessThanOrEqualTo(10);
    assertThat(tickFor(h, Duration.ofMinutes(30))).as("held: nothing more happens").isEmpty();
  }

  @Test
  void onStallRollbackReturnsEveryServingRegionAndEnds() {
    Harness h = gradual(OnBreach.region, OnStall.rollback);
    h.start();
    h.confirmShifts();

    List<Command> caused = tickFor(h, DEADLINE.plusSeconds(5));

    assertThat(caused).filteredOn(Command.Rollback.class::isInstance).hasSize(3);
    assertThat(caused).anyMatch(Command.BlockPromotion.class::isInstance);
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(caused.get(caused.size() - 1))
        .isEqualTo(new Command.Finish(RolloutStatus.ROLLED_BACK, Harness.REGIONS));
  }

  @Test
  void aLostShiftIsAskedAgainEachBakeAndStallsAtTheDeadline() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start(); // the reconciler never answers

    List<Command> again = h.after(Harness.BAKE);
    assertThat(again)
        .containsExactly(
            new Command.ShiftTraffic("europe-west1", V2, 25),
            new Command.ShiftTraffic("us-east1", V2, 25),
            new Command.ShiftTraffic("us-west1", V2, 25));
    List<Command> caused = tickFor(h, DEADLINE);

    assertThat(stallReason(caused)).contains("no TrafficShifted confirmed 25%");
    assertThat(h.state.paused()).isTrue();
  }

  @Test
  void aRefusedShiftIsAskedAgainWithABackoffAndTheStallSaysWhy() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.send(new Input.ShiftFailed("us-east1", 25, "the region is deploying", h.now));
    for (String region : List.of("europe-west1", "us-west1")) {
      h.send(new Input.Shifted(region, 25, h.now));
      h.verdict(region, SloStatus.HEALTHY);
    }

    assertThat(h.after(Harness.BAKE))
        .as("the others step on; us-east1 is not asked again before twice a bake")
        .containsExactly(
            new Command.ShiftTraffic("europe-west1", V2, 50),
            new Command.ShiftTraffic("us-west1", V2, 50));
    assertThat(h.after(Harness.BAKE)).contains(new Command.ShiftTraffic("us-east1", V2, 25));
    h.send(new Input.ShiftFailed("us-east1", 25, "the region is deploying", h.now));
    h.send(new Input.ShiftFailed("us-east1", 50, "a late answer to another step", h.now));
    assertThat(h.state.regions().get("us-east1").refusalCount()).isEqualTo(2);

    List<Command> caused = tickFor(h, DEADLINE);
    assertThat(stallReason(caused))
        .startsWith("us-east1: no TrafficShifted confirmed 25%")
        .contains("refused 2 times, last: the region is deploying");
  }

  @Test
  void aGuardThatDoesNotHearItsFactsDecidesNothingAndIsNotBlamedForItsAbsence() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    Instant ordered = h.now;
    h.hearingSince = null; // killed, or rebalancing: the confirmations sit unread on the bus

    assertThat(tickFor(h, DEADLINE.plusSeconds(60))).as("no re-ask, no stall, no step").isEmpty();
    assertThat(h.state.paused()).isFalse();

    h.hearingSince = h.now; // assigned again: the backlog arrives
    for (String region : Harness.REGIONS) {
      h.send(new Input.Shifted(region, 25, ordered));
      h.send(
          new Input.Verdict(
              region, SloStatus.HEALTHY, h.now, ordered.plus(Evidence.DEFAULT.metricLag()), h.now));
    }
    assertThat(h.after(Duration.ofSeconds(1)))
        .as("the step is decided on what it now hears, not stalled on a deadline spent deaf")
        .extracting(c -> ((Command.ShiftTraffic) c).percent())
        .containsExactly(50, 50, 50);
  }

  @Test
  void afterARebalanceTheDeadlineCountsFromWhenTheGuardHearsAgain() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    h.hearingSince = null;
    tickFor(h, DEADLINE);
    h.hearingSince = h.now;

    assertThat(tickFor(h, DEADLINE.minusSeconds(1)))
        .as("no verdict yet, but the guard has heard for less than a deadline")
        .noneMatch(Command.Stall.class::isInstance);
    assertThat(stallReason(tickFor(h, Duration.ofSeconds(2))))
        .contains("no fresh HEALTHY verdict at 25%");
  }

  @Test
  void theWatchEndsOnlyOnFreshEvidence() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    for (int step = 0; step < 3; step++) {
      h.confirmShifts();
      h.healthyEverywhere();
      h.after(Harness.BAKE);
    }
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.WATCHING);

    assertThat(h.after(Harness.WATCH)).as("no verdict since the watch began").isEmpty();
    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.WATCHING);
    List<Command> caused = tickFor(h, DEADLINE);
    assertThat(stallReason(caused)).contains("to end the watch");
  }

  @Test
  void aResumedRolloutGetsANewDeadlineAndGoesOnWithFreshEvidence() {
    Harness h = gradual(OnBreach.region, OnStall.pause);
    h.start();
    h.confirmShifts();
    tickFor(h, DEADLINE.plusSeconds(1));
    assertThat(h.state.paused()).isTrue();

    h.send(new Input.Resume(h.now));
    assertThat(h.state.hold()).isNull();
    assertThat(h.after(Duration.ofSeconds(1))).as("not stalled again at once").isEmpty();
    h.healthyEverywhere();

    assertThat(h.after(Harness.BAKE))
        .extracting(c -> ((Command.ShiftTraffic) c).percent())
        .containsExactly(50, 50, 50);
  }

  @Test
  void regionalWithOnBreachRegionCarriesOnWithTheLaterWavesAndEnds() {
    Harness h =
        Harness.of(
            Environment.STAGING,
            Strategy.regional,
            OnBreach.region,
            List.of(List.of("us-east1"), List.of("europe-west1", "us-west1")));
    h.start();
    h.confirmShifts();
    List<Command> next = h.verdict("us-east1", SloStatus.BREACHED);

    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.ROLLED_BACK);
    assertThat(next)
        .as("the next wave starts at once: a breach rolls back its own region only")
        .containsSubsequence(
            new Command.ShiftTraffic("europe-west1", V2, 25),
            new Command.ShiftTraffic("us-west1", V2, 25));
    for (int step = 0; step < 3; step++) {
      h.confirmShifts();
      h.verdict("europe-west1", SloStatus.HEALTHY);
      h.verdict("us-west1", SloStatus.HEALTHY);
      h.after(Harness.BAKE);
    }
    h.after(Harness.WATCH.minusSeconds(10));
    h.verdict("europe-west1", SloStatus.HEALTHY);
    h.verdict("us-west1", SloStatus.HEALTHY);
    h.after(Duration.ofSeconds(10));
    assertThat(h.state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.all(Command.Finish.class))
        .containsExactly(new Command.Finish(RolloutStatus.ROLLED_BACK, List.of("us-east1")));
  }

  @Test
  void haltRollsBackTheBreachedRegionAndHoldsEveryRegionStillShifting() {
    Harness h = gradual(OnBreach.halt, OnStall.pause);
    h.start();
    h.confirmShifts();
    h.healthyEverywhere();

    h.verdict("us-east1", SloStatus.BREACHED);

    assertThat(h.phase("us-east1")).isEqualTo(RegionPhase.ROLLED_BACK);
    assertThat(h.state.paused()).isTrue();
    assertThat(h.state.hold()).contains("on_breach halt holds the other regions");
    assertThat(tickFor(h, Harness.BAKE.multipliedBy(3)))
        .as("no further step anywhere")
        .noneMatch(Command.ShiftTraffic.class::isInstance);
    assertThat(h.percent("europe-west1")).isEqualTo(25);
    // and a breach of a held region still rolls it back
    assertThat(h.verdict("europe-west1", SloStatus.BREACHED))
        .first()
        .isInstanceOf(Command.Rollback.class);
  }
}
