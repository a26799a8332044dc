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

  /** Slow to become ready, so that the freeze lands while regions are still deploying. */
  private static final String MANIFEST =
      """
      apiVersion: runway/v1
      kind: RunwayService
      metadata: { name: kafka-freeze-service }
      spec:
        image: registry.example.com/kafka-freeze-service:v1
        container_port: 8181
        regions: [europe-west1, us-east1, us-west1]
        local:
          command: [sh, -c, 'sleep 3; exec java -Xmx32m -jar examples/hello-service/target/hello-service.jar']
      """;

  @Test
  void shouldCompleteAFanOutThroughAFrozenBrokerOnceAndDeadLetterNothing(Launcher launcher)
      throws Exception {
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      Api.provision(launcher, bus, Api.inventory(SERVICE), SERVICE);
      long started = System.currentTimeMillis();
      String manifestUrl =
          launcher.reconciler() + "/api/v1/services/" + SERVICE + "/manifests/staging";
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> Api.post(launcher, manifestUrl, "text/yaml", MANIFEST) != null);

      // When the broker stops answering once the fan-out has begun, past the 10 s session timeout
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> bus.of(RegionDeployRequested.class, SERVICE).size() == 3);
      List<ProcessHandle> broker = tree(launcher.pid("kafka"));
      signal("STOP", broker);
      try {
        Thread.sleep(FREEZE.toMillis());
      } finally {
        signal("CONT", broker);
      }

      // Then the one deployment completes in every region, with one revision, and nothing was
      // taken for poison
      DeploymentCompleted done =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(() -> bus.of(DeploymentCompleted.class, SERVICE), l -> !l.isEmpty())
              .get(0);
      assertThat(done.deployed()).containsExactlyInAnyOrder("europe-west1", "us-east1", "us-west1");
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
