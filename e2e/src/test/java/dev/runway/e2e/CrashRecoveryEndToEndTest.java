package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceRequested;
import dev.runway.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing is lost and no effect happens twice when the provisioner is killed (SIGKILL) in the
 * middle of provisioning: after a restart every service is provisioned exactly once.
 */
@ExtendWith(SharedPlatform.class)
class CrashRecoveryEndToEndTest {

  private static final int SERVICES = 120;

  @Test
  void shouldProvisionEveryServiceExactlyOnceAcrossAProvisionerCrash(Launcher launcher)
      throws Exception {
    // Given a running platform and an inventory of many new services being provisioned
    List<String> names = IntStream.range(0, SERVICES).mapToObj(i -> "crash-" + i).toList();
    {
      Api.post(
          launcher,
          launcher.provisioner() + "/api/v1/inventory",
          "application/json",
          Api.inventory(names.toArray(String[]::new)));
      try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
        // Killed as soon as provisioning is asked for: the provisioner turns its own
        // ServiceRequested into resources one service at a time, and on a quiet machine the first
        // ServiceProvisioned was seen only with all 120 (CI on this machine).
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> names.stream().anyMatch(n -> !bus.ids(ServiceRequested.class, n).isEmpty()));

        // When the provisioner is killed mid-way, and its supervisor (./runway up) restarts it
        // alone
        long killed = launcher.pid("provisioner");
        new ProcessBuilder("kill", "-9", String.valueOf(killed)).start().waitFor();
        assertThat(
                names.stream().filter(n -> !bus.ids(ServiceProvisioned.class, n).isEmpty()).count())
            .as("killed before it finished")
            .isLessThan(SERVICES);
        launcher.awaitRestart("provisioner", killed, Duration.ofMinutes(3));

        // Then every service is provisioned, each by exactly one event (ce_id), once requested
        Api.awaitProvisionedOnce(bus, names);
        assertThat(names)
            .allSatisfy(n -> assertThat(Set.copyOf(bus.ids(ServiceRequested.class, n))).hasSize(1));
      }
    }
  }
}
