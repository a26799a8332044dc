package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.Topics;
import dev.runway.testing.TopicRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker frozen (SIGSTOP, as a hung broker looks to its clients) in the middle of a fan-out,
 * for longer than a consumer's session: every service waits it out, and the fan-out completes once,
 * with one revision and nothing dead-lettered. The chaos bench's {@code freeze-kafka-30}, once.
 */
@ExtendWith(SharedPlatform.class)
class KafkaFreezeEndToEndTest {

  private static final String SERVICE = "kafka-freeze-service";
  private static final Duration FREEZE = Duration.ofSeconds(12);

  @Test
  void shouldCompleteAFanOutThroughAFrozenBrokerOnceAndDeadLetterNothing(Launcher launcher)
      throws Exception {
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      Api.provision(launcher, bus, Api.inventory(SERVICE), SERVICE);
      long started = System.currentTimeMillis();
      Api.applyStaging(launcher, SERVICE, Api.slowManifest(SERVICE, 3));

      // When the broker stops answering once the fan-out has begun, past the 10 s session timeout
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> bus.of(RegionDeployRequested.class, SERVICE).size() == 3);
      List<ProcessHandle> broker = tree(launcher.pid("kafka"));
      signal("STOP", broker);
      try {
        Thread.sleep(FREEZE.toMillis()); // the fault itself: the broker held stopped this long
      } finally {
        signal("CONT", broker);
      }

      // Then the one deployment completes in every region, with one revision, and nothing was
      // taken for poison
      Api.awaitCompleted(bus, SERVICE);
      assertThat(
              bus.of(RegionDeployed.class, SERVICE).stream()
                  .map(RegionDeployed::revision)
                  .distinct())
          .containsExactly(SERVICE + "-staging-00001");
      assertThat(Set.copyOf(bus.ids(RegionDeployRequested.class, SERVICE))).hasSize(3);
      assertThat(Set.copyOf(bus.ids(DeploymentCompleted.class, SERVICE))).hasSize(1);
      assertThat(bus.all())
          .filteredOn(r -> r.topic().equals(Topics.DEAD_LETTER) && r.timestamp() >= started)
          .as("a broker outage is transient: nothing dead-lettered")
          .isEmpty();
    }
  }

  /** The recorded process and its children (the launcher's wrapper and the broker's JVM). */
  private static List<ProcessHandle> tree(long pid) {
    ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> tree = new ArrayList<>(List.of(root));
    root.descendants().forEach(tree::add);
    return tree;
  }

  private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    processes.forEach(p -> command.add(String.valueOf(p.pid())));
    assertThat(new ProcessBuilder(command).start().waitFor()).isZero();
  }
}
