package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The main job, as a person runs it: {@code ./runway demo} starts Kafka, PostgreSQL and every
 * service as processes, provisions the example service, and stops everything.
 */
class DemoEndToEndTest {

  @Test
  void shouldDeployRouteJudgeAndRollBackABadRevisionInOneRegion() throws Exception {
    // Given a built Runway and free ports
    Launcher launcher = new Launcher("demo");

    // When the demo runs
    Launcher.Run demo = launcher.run(Duration.ofMinutes(8), "demo");

    // Then it exits 0 having shown the request and the provisioning of example-service
    assertThat(demo.exitCode()).as(demo.output()).isZero();
    assertThat(demo.output())
        .containsPattern(
            "ServiceRequested\\s+example-service\\s+project_id=46267196 regions=\\[europe-west1, us-east1, us-west1\\]")
        .containsPattern("ServiceProvisioned\\s+example-service")
        .containsPattern(
            "RegionDeployed\\s+example-service\\s+environment=staging region=europe-west1")
        .containsPattern("DeploymentCompleted\\s+example-service")
        .containsPattern("staging\\s+us-west1\\s+example-service-staging-00001\\s+ready")
        .contains("\"region\":\"europe-west1\",\"revision\":\"example-service-staging-00001\"")
        .contains("\"region\":\"us-east1\"")
        .contains("\"region\":\"us-west1\"")
        .contains("client in europe-west4 -> served by europe-west1")
        .contains("client in us-central1 -> served by us-east1")
        .contains("client in us-west2 -> served by us-west1")
        // europe-west1 may answer the last of the 20 again once drift correction restarted it
        .containsPattern(
            "client in europe-west4 -> served by us-east1 x\\d+(, europe-west1 x\\d+)? \\(0 of 20 requests failed\\)")
        .containsPattern("  us-west1: (HEALTHY|INSUFFICIENT_DATA)")
        // v2 fails 15% in us-east1: rolled back there alone, by itself, and not promoted
        .containsPattern(
            "RollbackRequested\\s+example-service\\s+environment=staging region=us-east1")
        .containsPattern("RolledBack\\s+example-service\\s+environment=staging region=us-east1")
        .containsPattern(
            "PromotionBlocked\\s+example-service\\s+revision=example-service-staging-00002")
        .contains("us-east1: ROLLED_BACK; europe-west1 and us-west1: DONE")
        .contains("production: still v1")
        .containsPattern("to the last request v2 served there: \\d+\\.\\d")
        .contains("demo complete");
    assertThat(demo.output())
        .doesNotContainPattern(
            "RollbackRequested\\s+example-service\\s+environment=staging region=(europe-west1|us-west1)");
    // And it wrote the service's infrastructure and left nothing running, revisions included
    assertThat(launcher.home.resolve("demo/terraform/example-service/main.tf.json")).exists();
    assertThat(Files.list(launcher.home.resolve("demo/pids"))).isEmpty();
    assertThat(demo.output()).containsPattern("stopped \\d+ revision process\\(es\\)");
  }
}
