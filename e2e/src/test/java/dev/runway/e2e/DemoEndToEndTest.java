package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.cli.demo.Demo;
import dev.runway.cli.demo.DemoOutcome;
import dev.runway.cli.demo.DemoSettings;
import dev.runway.cli.platform.LocalPlatform;
import dev.runway.cli.platform.PlatformLayout;
import dev.runway.common.events.ChangeHeld;
import dev.runway.common.events.ChangeReleased;
import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.PromotionBlocked;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceRequested;
import dev.runway.common.manifest.Environment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The main job, as {@code ./runway demo} runs it (the same supervisor and story, in this JVM so the
 * outcome is read as values): Kafka, PostgreSQL and every service as processes, the example service
 * provisioned, deployed, routed, failed over, judged and its bad v2 rolled back in one region, and
 * everything stopped.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class DemoEndToEndTest {

  private static final String V2 = "example-service-staging-00002";
  private static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");

  @Test
  void shouldDeployRouteJudgeAndRollBackABadRevisionInOneRegion() throws Exception {
    // Given a built Runway and free ports
    Launcher launcher = new Launcher("demo");
    PlatformLayout layout = launcher.layout();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(launcher.env);
    Files.createDirectories(launcher.home);
    Path log = launcher.home.resolve("demo.log");

    // When the demo runs
    DemoOutcome outcome;
    try (PrintStream out =
            new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        LocalPlatform platform = new LocalPlatform(layout, DemoSettings.of(env), out)) {
      platform.start();
      outcome = new Demo(platform, out).run();
    }

    // Then every step went as told
    assertThat(outcome.failure()).as(Files.readString(log)).isEmpty();
    // the service was requested and provisioned in its three regions
    assertThat(outcome.events(ServiceRequested.class))
        .anySatisfy(
            r -> {
              assertThat(r.projectId()).isEqualTo(46267196L);
              assertThat(r.regions()).containsExactlyElementsOf(REGIONS);
            });
    assertThat(outcome.events(ServiceProvisioned.class)).isNotEmpty();
    // v1 was deployed to every staging region in one fan-out
    assertThat(outcome.events(RegionDeployed.class))
        .filteredOn(d -> d.environment() == Environment.STAGING)
        .extracting(RegionDeployed::region)
        .containsAll(REGIONS);
    assertThat(outcome.events(DeploymentCompleted.class))
        .filteredOn(d -> d.environment() == Environment.STAGING)
        .first()
        .satisfies(d -> assertThat(d.deployed()).containsExactlyInAnyOrderElementsOf(REGIONS));
    // each client was served by its nearest region, and europe-west1's clients failed over
    // without an error (europe-west1 may answer the last of them again once restarted)
    assertThat(outcome.nearest())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "europe-west4", "europe-west1", "us-central1", "us-east1", "us-west2", "us-west1"));
    assertThat(outcome.failover()).hasSize(20).first().isEqualTo("us-east1");
    assertThat(outcome.failover()).isSubsetOf("us-east1", "europe-west1");
    assertThat(outcome.judged()).containsOnlyKeys(REGIONS);
    // v2 fails 15% in us-east1: rolled back there alone, by itself, and not promoted
    assertThat(outcome.events(RollbackRequested.class))
        .filteredOn(r -> r.revision().equals(V2))
        .extracting(RollbackRequested::region)
        .containsOnly("us-east1");
    assertThat(outcome.events(RolledBack.class))
        .filteredOn(r -> r.revision().equals(V2))
        .extracting(RolledBack::region)
        .containsExactly("us-east1");
    assertThat(outcome.events(PromotionBlocked.class))
        .extracting(PromotionBlocked::revision)
        .contains(V2);
    assertThat(outcome.events(RolloutFinished.class))
        .filteredOn(f -> f.revision().equals(V2))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
              assertThat(f.rolledBack()).containsExactly("us-east1");
            });
    assertThat(outcome.v2Phases())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("us-east1", "ROLLED_BACK", "europe-west1", "DONE", "us-west1", "DONE"));
    assertThat(outcome.productionRevisions())
        .hasSize(3)
        .containsOnly("example-service-production-00001");
    // production's v1, applied before staging's rollout of v1 had succeeded, was held by the
    // production change lock and released by staging's approval of the same image
    assertThat(outcome.events(ChangeHeld.class))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(h.reason()).contains("production change lock");
            });
    assertThat(outcome.events(ChangeReleased.class))
        .singleElement()
        .satisfies(r -> assertThat(r.environment()).isEqualTo(Environment.PRODUCTION));
    assertThat(outcome.events(PromotionApproved.class))
        .extracting(PromotionApproved::revision)
        .contains("example-service-staging-00001");
    assertThat(outcome.secondsFaultToLastV2()).isPresent();
    assertThat(outcome.requests()).isPositive();
    // And it wrote the service's infrastructure and left nothing running, revisions included
    assertThat(layout.home().resolve("terraform/example-service/main.tf.json")).exists();
    try (var records = Files.list(layout.pids())) {
      assertThat(records).isEmpty();
    }
    assertThat(Files.readString(log)).containsPattern("stopped \\d+ revision process\\(es\\)");
  }
}
