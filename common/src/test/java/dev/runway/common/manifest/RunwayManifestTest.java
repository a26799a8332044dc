package dev.runway.common.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.regions.RegionCatalogue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunwayManifestTest {

  /** Every optional section set to something other than its default. */
  private static final String FULL =
      """
      apiVersion: runway/v1
      kind: RunwayService
      metadata: { name: example-service }
      spec:
        image: registry.example.com/example-service:v1
        container_port: 8181
        regions: [europe-west1, us-east1]
        env: { MODEL: code-gecko }
        resources: { cpu: "2", memory: 1Gi }
        scaling: { min_instances: 2, max_instances: 7 }
        health: { readiness_path: /ready }
        slo: { availability: 99.5, latency_threshold_ms: 512 }
        rollout: { strategy: regional, steps: [10, 100], bake_time: 30s, on_breach: halt, watch: 1m }
        local: { command: [java, -jar, app.jar] }
      """;

  @Test
  void shouldChangeOnlyTheImage() {
    RunwayManifest manifest =
        new ManifestValidator(RegionCatalogue.cloudRun())
            .validate(FULL, "runway-production.yml", Optional.empty());

    RunwayManifest promoted = manifest.withImage("registry.example.com/example-service:v2");

    assertThat(promoted.spec().image()).isEqualTo("registry.example.com/example-service:v2");
    assertThat(promoted.withImage(manifest.spec().image())).isEqualTo(manifest);
    assertThat(promoted.spec().scaling()).isEqualTo(manifest.spec().scaling());
    assertThat(promoted.spec().rollout()).isEqualTo(manifest.spec().rollout());
  }
}
