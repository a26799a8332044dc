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
  void shouldProvisionTheExampleServiceInItsThreeRegions() throws Exception {
    // Given a built Runway and free ports
    Launcher launcher = new Launcher("demo");

    // When the demo runs
    Launcher.Run demo = launcher.run(Duration.ofMinutes(5), "demo");

    // Then it exits 0 having shown the request and the provisioning of example-service
    assertThat(demo.exitCode()).as(demo.output()).isZero();
    assertThat(demo.output())
        .containsPattern(
            "ServiceRequested\\s+example-service\\s+project_id=46267196 regions=\\[europe-west1, us-east1, us-west1\\]")
        .containsPattern("ServiceProvisioned\\s+example-service")
        .containsPattern("example-service\\s+provisioned\\s+europe-west1,us-east1,us-west1")
        .contains("demo complete");
    // And it wrote the service's infrastructure and left nothing running
    assertThat(launcher.home.resolve("demo/terraform/example-service/main.tf.json")).exists();
    assertThat(Files.list(launcher.home.resolve("demo/pids"))).isEmpty();
  }
}
