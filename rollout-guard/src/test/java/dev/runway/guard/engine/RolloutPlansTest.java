package dev.runway.guard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.guard.rollout.Evidence;
import dev.runway.guard.rollout.Rollout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutPlansTest {

  private static final List<String> ORDER = List.of("europe-west1", "us-east1", "us-west1");

  private static RunwayManifest.Rollout regional(List<List<String>> waves) {
    return new RunwayManifest.Rollout(
        RunwayManifest.Strategy.regional, List.of(50, 100), "10s", waves, null, "1m", null, null);
  }

  @Test
  void eachRegionReturnsToTheRevisionWithMostOfItsTrafficAndAFirstDeploymentToNothing() {
    Rollout plan =
        RolloutPlans.plan(
            "svc",
            Environment.STAGING,
            "v2",
            regional(null),
            ORDER,
            ORDER,
            Map.of(
                "europe-west1", Map.of("v1", 100, "v2", 0),
                "us-east1", Map.of("v0", 30, "v1", 70, "v2", 0),
                "us-west1", Map.of("v2", 100)),
            Evidence.DEFAULT);
    assertThat(plan.regions().get("europe-west1").previous()).isEqualTo("v1");
    assertThat(plan.regions().get("us-east1").previous()).isEqualTo("v1");
    assertThat(plan.regions().get("us-west1").previous()).isNull();
  }

  @Test
  void wavesKeepOnlyDeployedRegionsAndUnnamedOnesGoLast() {
    Rollout plan =
        RolloutPlans.plan(
            "svc",
            Environment.STAGING,
            "v2",
            regional(List.of(List.of("us-east1"), List.of("europe-west1"))),
            ORDER,
            List.of("us-west1", "europe-west1"),
            Map.of(),
            Evidence.DEFAULT);
    assertThat(plan.policy().waves()).containsExactly(List.of("europe-west1"), List.of("us-west1"));
  }

  @Test
  void regionalWithoutWavesFollowsTheManifestsOrder() {
    Rollout plan =
        RolloutPlans.plan(
            "svc",
            Environment.STAGING,
            "v2",
            regional(null),
            ORDER,
            List.of("us-west1", "europe-west1", "us-east1"),
            Map.of(),
            Evidence.DEFAULT);
    assertThat(plan.policy().waves())
        .containsExactly(List.of("europe-west1"), List.of("us-east1"), List.of("us-west1"));
  }
}
