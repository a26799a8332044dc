package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceRequested;
import dev.runway.common.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost and no effect happens twice when the provisioner is killed (SIGKILL) in the
 * middle of provisioning: after a restart every service is provisioned exactly once.
 */
class CrashRecoveryEndToEndTest {

  private static final int SERVICES = 150;

  @Test
  void shouldProvisionEveryServiceExactlyOnceAcrossAProvisionerCrash() throws Exception {
    // Given a running platform and an inventory of many new services being provisioned
    Launcher launcher = new Launcher("crash");
    Process up = launcher.up(Duration.ofMinutes(3));
    Map<String, Set<String>> requested = new ConcurrentHashMap<>();
    Map<String, Set<String>> provisioned = new ConcurrentHashMap<>();
    List<String> names = IntStream.range(0, SERVICES).mapToObj(i -> "crash-" + i).toList();
    try {
      postInventory(launcher, names);
      try (Recorder recorder = new Recorder(launcher.kafka(), requested, provisioned)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !provisioned.isEmpty());

        // When the provisioner is killed mid-way, and the platform is brought up again
        new ProcessBuilder("kill", "-9", String.valueOf(launcher.pid("provisioner")))
            .start()
            .waitFor();
        up.waitFor();
        assertThat(provisioned.size()).as("killed before it finished").isLessThan(SERVICES);
        up = launcher.up(Duration.ofMinutes(3));

        // Then every service is provisioned, each by exactly one event (ce_id), once requested
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> names.stream().allMatch(provisioned::containsKey));
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> names.stream().allMatch(n -> provisioned.get(n).size() == 1));
        assertThat(names).allSatisfy(n -> assertThat(requested.get(n)).hasSize(1));
      }
    } finally {
      launcher.stop(up);
    }
  }

  private static void postInventory(Launcher launcher, List<String> names) throws Exception {
    String body =
        names.stream()
            .map(
                n ->
                    "{\"name\":\""
                        + n
                        + "\",\"project_id\":1,\"regions\":[\"europe-west1\",\"us-east1\"]}")
            .collect(Collectors.joining(",", "{\"inventory\":[", "]}"));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(launcher.provisioner() + "/api/v1/inventory"))
                    .header("Authorization", "Bearer " + launcher.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** Collects, per service, the distinct ce_ids of its requests and provisionings. */
  private static final class Recorder implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    Recorder(
        String kafka, Map<String, Set<String>> requested, Map<String, Set<String>> provisioned) {
      thread =
          new Thread(
              () -> {
                Properties props = new Properties();
                props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
                props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
                props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                try (KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(
                        props, new StringDeserializer(), new ByteArrayDeserializer())) {
                  consumer.subscribe(List.of(Topics.SERVICES));
                  while (running) {
                    try {
                      for (ConsumerRecord<String, byte[]> r :
                          consumer.poll(Duration.ofMillis(200))) {
                        record(r, requested, provisioned);
                      }
                    } catch (org.apache.kafka.common.KafkaException brokerGone) {
                      // the broker restarts with the platform; keep polling
                    }
                  }
                }
              },
              "e2e-recorder");
      thread.setDaemon(true);
      thread.start();
    }

    private static void record(
        ConsumerRecord<String, byte[]> r,
        Map<String, Set<String>> requested,
        Map<String, Set<String>> provisioned) {
      try {
        EventEnvelope e = EventCodec.decode(r.headers(), r.value());
        if (e.data() instanceof ServiceRequested) {
          requested.computeIfAbsent(e.subject(), k -> ConcurrentHashMap.newKeySet()).add(e.id());
        } else if (e.data() instanceof ServiceProvisioned) {
          provisioned.computeIfAbsent(e.subject(), k -> ConcurrentHashMap.newKeySet()).add(e.id());
        }
      } catch (PoisonEvent ignored) {
        // not ours
      }
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(5000);
    }
  }
}
