package dev.runway.guard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest.OnBreach;
import dev.runway.common.manifest.RunwayManifest.OnStall;
import dev.runway.common.manifest.RunwayManifest.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy ends: after any seeded random history of facts (refused shifts included) and
 * operator actions, once the inputs stop and only the clock ticks, every rollout has ended, or
 * waits on an operator and says for what, within a bounded number of ticks (the watch and two
 * progress deadlines, a second each).
 */
class LivenessTest {

  static Stream<Arguments> histories() {
    return Stream.of(Strategy.values())
        .flatMap(
            strategy ->
                Stream.of(OnBreach.values())
                    .flatMap(
                        onBreach ->
                            Stream.of(OnStall.values())
                                .flatMap(
                                    onStall ->
                                        IntStream.rangeClosed(1, 8)
                                            .mapToObj(
                                                seed ->
                                                    Arguments.of(
                                                        strategy, onBreach, onStall, seed)))));
  }

  @ParameterizedTest(name = "{0} {1} {2} seed {3}")
  @MethodSource("histories")
  void everyRolloutEndsOrWaitsOnANamedOperatorAction(
      Strategy strategy, OnBreach onBreach, OnStall onStall, int seed) {
    List<List<String>> waves =
        strategy == Strategy.regional
            ? List.of(List.of("us-east1"), List.of("europe-west1"), List.of("us-west1"))
            : List.of(Harness.REGIONS);
    List<Integer> steps = strategy == Strategy.expedited ? List.of(100) : List.of(25, 50, 100);
    RolloutPolicy policy =
        new RolloutPolicy(
            strategy, steps, waves, Harness.BAKE, onBreach, Harness.WATCH, null, onStall, null);
    Harness h =
        new Harness(Environment.STAGING, policy, Harness.previousEverywhere(Environment.STAGING));
    Random random = new Random(seed);
    h.start();
    for (int i = 0; i < 150; i++) {
      String region = Harness.REGIONS.get(random.nextInt(3));
      int pick = random.nextInt(100);
      if (pick < 35) {
        h.confirmShifts();
      } else if (pick < 60) {
        int s = random.nextInt(20);
        h.verdict(
            region,
            s == 0 ? SloStatus.BREACHED : s < 4 ? SloStatus.INSUFFICIENT_DATA : SloStatus.HEALTHY);
      } else if (pick < 90) {
        h.after(Duration.ofSeconds(random.nextInt(60)));
      } else if (pick < 93) {
        h.send(random.nextBoolean() ? new Input.Pause(h.now) : new Input.Resume(h.now));
      } else if (pick < 97) {
        int percent = steps.get(random.nextInt(steps.size()));
        h.send(new Input.ShiftFailed(region, percent, "the region is deploying", h.now));
      } else {
        h.send(new Input.OperatorRollback(List.of(region), h.now));
      }
    }

    // The inputs stop: no shift is confirmed, no verdict arrives, nobody acts.
    long bound = Harness.WATCH.plus(policy.progressDeadline().multipliedBy(2)).toSeconds();
    for (long tick = 0; tick < bound && !h.state.finished() && !h.state.paused(); tick++) {
      h.after(Duration.ofSeconds(1));
    }

    if (!h.state.finished()) {
      assertThat(h.state.paused()).as("ended or held after %d ticks: %s", bound, h.state).isTrue();
      assertThat(h.state.hold())
          .as("a held rollout says what it waits for")
          .isNotBlank()
          .containsAnyOf("resume", "roll back");
    }
  }
}
