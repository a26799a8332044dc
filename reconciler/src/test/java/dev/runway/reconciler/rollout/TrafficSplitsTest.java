package dev.runway.reconciler.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficSplitsTest {

  @Test
  void unguardedTheNewRevisionTakesEverything() {
    assertThat(TrafficSplits.afterDeploy(Map.of("v1", 100), Set.of("v1", "v2"), "v2", false))
        .containsExactly(entry("v2", 100));
  }

  @Test
  void guardedTheServingRevisionKeepsTheTrafficAndTheNewOneJoinsAtZero() {
    assertThat(TrafficSplits.afterDeploy(Map.of("v1", 100), Set.of("v1", "v2"), "v2", true))
        .containsOnly(entry("v1", 100), entry("v2", 0));
  }

  @Test
  void aFirstDeploymentOrADeadPreviousLeavesNothingToSplitWith() {
    assertThat(TrafficSplits.afterDeploy(Map.of(), Set.of("v1"), "v1", true))
        .containsExactly(entry("v1", 100));
    assertThat(TrafficSplits.afterDeploy(Map.of("v1", 100), Set.of("v2"), "v2", true))
        .containsExactly(entry("v2", 100));
  }

  @Test
  void aSplitUnderWayWithTheRevisionIsKept() {
    Map<String, Integer> midway = Map.of("v1", 50, "v2", 50);
    assertThat(TrafficSplits.afterDeploy(midway, Set.of("v1", "v2"), "v2", true)).isEqualTo(midway);
  }

  @Test
  void aNewerRevisionMidRolloutStartsFromTheRevisionWithMostTraffic() {
    assertThat(
            TrafficSplits.afterDeploy(
                Map.of("v1", 75, "v2", 25), Set.of("v1", "v2", "v3"), "v3", true))
        .containsOnly(entry("v1", 100), entry("v3", 0));
  }

  @Test
  void stepsGiveTheRestToThePrevious() {
    assertThat(TrafficSplits.step("v2", 20, "v1")).containsOnly(entry("v1", 80), entry("v2", 20));
    assertThat(TrafficSplits.step("v2", 100, "v1")).containsExactly(entry("v2", 100));
    assertThat(TrafficSplits.step("v1", 100, null)).containsExactly(entry("v1", 100));
  }
}
