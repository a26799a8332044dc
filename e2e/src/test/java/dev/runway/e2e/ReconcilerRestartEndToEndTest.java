package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.RegionDeployed;
import dev.runway.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reconciler killed (SIGKILL) in the middle of a fan-out finishes it after a restart: every
 * region converges on the one revision the manifest resolved to, and no second one is made.
 */
@ExtendWith(SharedPlatform.class)
class ReconcilerRestartEndToEndTest {

  private static final String SERVICE = "restart-service";

  @Test
  void shouldFinishAFanOutInterruptedByAReconcilerCrashWithoutASecondRevision(Launcher launcher)
      throws Exception {
    // Given a provisioned service and a manifest whose regions take a while to become ready
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      Api.provision(launcher, bus, Api.inventory(SERVICE), SERVICE);
      Api.applyStaging(launcher, SERVICE, Api.slowManifest(SERVICE, 4));

      // When the reconciler is killed once the fan-out has started, and it is restarted alone
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> bus.of(RegionDeployRequested.class, SERVICE).size() == 3);
      long killed = launcher.pid("reconciler");
      new ProcessBuilder("kill", "-9", String.valueOf(killed)).start().waitFor();
      assertThat(bus.of(DeploymentCompleted.class, SERVICE))
          .as("killed before the fan-out ended")
          .isEmpty();
      launcher.awaitRestart("reconciler", killed, Duration.ofMinutes(3));

      // Then the same deployment completes in every region with the one revision
      DeploymentCompleted done = Api.awaitCompleted(bus, SERVICE);
      assertThat(done.revision()).isEqualTo("restart-service-staging-00001");
      List<String> revisions =
          bus.of(RegionDeployed.class, SERVICE).stream()
              .map(RegionDeployed::revision)
              .distinct()
              .toList();
      assertThat(revisions).containsExactly("restart-service-staging-00001");
      // The relay may publish a request twice across the crash (at least once); never a new one.
      assertThat(Set.copyOf(bus.ids(RegionDeployRequested.class, SERVICE))).hasSize(3);
    }
  }
}
