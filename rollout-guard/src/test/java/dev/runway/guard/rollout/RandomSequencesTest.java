package dev.runway.guard.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest.OnBreach;
import dev.runway.common.manifest.RunwayManifest.Strategy;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hundreds of seeded random histories, every strategy and policy: verdicts, shifts (right and
 * wrong), ticks, pauses, operator rollbacks and a misbehaving previous revision, in any order.
 * Whatever happens, the rollout's promises hold.
 */
class RandomSequencesTest {

  static Stream<Arguments> histories() {
    return Stream.of(Strategy.values())
        .flatMap(
            strategy ->
                Stream.of(OnBreach.values())
                    .flatMap(
                        onBreach ->
                            Environment.ALL.stream()
                                .flatMap(
                                    env ->
                                        java.util.stream.IntStream.rangeClosed(1, 20)
                                            .mapToObj(
                                                seed ->
                                                    Arguments.of(strategy, onBreach, env, seed)))));
  }

  @ParameterizedTest(name = "{0} {1} {2} seed {3}")
  @MethodSource("histories")
  void promisesHold(Strategy strategy, OnBreach onBreach, Environment env, int seed) {
    List<List<String>> waves =
        strategy == Strategy.regional
            ? List.of(List.of("us-east1"), List.of("europe-west1", "us-west1"))
            : List.of(Harness.REGIONS);
    Harness h = Harness.of(env, strategy, onBreach, waves);
    Random random = new Random(seed);
    h.start();
    for (int i = 0; i < 200; i++) {
      String region = Harness.REGIONS.get(random.nextInt(3));
      int pick = random.nextInt(100);
      if (pick < 30) {
        h.confirmShifts();
      } else if (pick < 60) {
        SloStatus state = random.nextInt(10) == 0 ? SloStatus.BREACHED : SloStatus.HEALTHY;
        h.verdict(region, random.nextInt(8) == 0 ? SloStatus.INSUFFICIENT_DATA : state);
      } else if (pick < 88) {
        h.after(Duration.ofSeconds(random.nextInt(90)));
      } else if (pick < 92) {
        h.send(random.nextBoolean() ? new Input.Pause(h.now) : new Input.Resume(h.now));
      } else if (pick < 94) {
        h.send(new Input.PreviousBreached(region, h.now));
      } else if (pick < 95) {
        h.send(new Input.OperatorRollback(List.of(region), h.now));
      } else {
        h.send(new Input.Shifted(region, random.nextInt(101), h.now));
      }
    }

    Set<String> rolledBack = new HashSet<>();
    Map<String, Integer> lastShare = new HashMap<>();
    int decisions = 0;
    Command.Finish ended = null;
    boolean failedAfterEnd = false;
    for (Command c : h.history) {
      if (ended != null) {
        // Once ended, only the previous revision breaching where a region returned to it may
        // still speak: one RollbackFailed for a person, and the end becomes FAILED.
        assertThat(ended.status())
            .as("nothing after the rollout ended: %s", c)
            .isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(
                c instanceof Command.RaiseRollbackFailed
                    || c instanceof Command.BlockPromotion
                    || (c instanceof Command.Finish f && f.status() == RolloutStatus.FAILED))
            .as("after a rolled-back end: %s", c)
            .isTrue();
        assertThat(failedAfterEnd && c instanceof Command.RaiseRollbackFailed)
            .as("one RollbackFailed after the end")
            .isFalse();
        failedAfterEnd |= c instanceof Command.RaiseRollbackFailed;
        continue;
      }
      if (c instanceof Command.Rollback r) {
        assertThat(rolledBack.add(r.region())).as("one rollback per region").isTrue();
        assertThat(r.toRevision()).isEqualTo("svc-" + env + "-00001");
      } else if (c instanceof Command.ShiftTraffic s) {
        assertThat(rolledBack).as("no shift after a region's rollback").doesNotContain(s.region());
        // A step whose answer was lost is asked again at the same share: never a lower one.
        assertThat(s.percent())
            .as("shares never fall")
            .isGreaterThanOrEqualTo(lastShare.getOrDefault(s.region(), 0));
        lastShare.put(s.region(), s.percent());
      } else if (c instanceof Command.ApprovePromotion) {
        decisions++;
        assertThat(rolledBack).as("never promoted after a rollback").isEmpty();
        assertThat(env).isEqualTo(Environment.STAGING);
      } else if (c instanceof Command.BlockPromotion) {
        decisions++;
        assertThat(env).isEqualTo(Environment.STAGING);
      } else if (c instanceof Command.Finish f) {
        ended = f;
      }
    }
    assertThat(decisions).as("promotion decided at most once").isLessThanOrEqualTo(1);
    // (A breach in staging's post-100% watch can still roll a region back after the approval:
    // the approval came while every region was healthy, which the loop above checks.)
    if (h.state.finished()) {
      assertThat(h.all(Command.Finish.class)).hasSizeBetween(1, failedAfterEnd ? 2 : 1);
    }
  }
}
