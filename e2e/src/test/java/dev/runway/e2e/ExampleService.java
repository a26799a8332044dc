package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import dev.runway.testing.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled example service under a test's own name on the shared platform: its manifests, their
 * application, steady traffic to it, and what the bus and the guard say about it.
 */
final class ExampleService {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Launcher launcher;
  final String name;

  ExampleService(Launcher launcher, String name) {
    this.launcher = launcher;
    this.name = name;
  }

  String revision(String environment, int sequence) {
    return String.format("%s-%s-%05d", name, environment, sequence);
  }

  /**
   * The example's manifest under this name, with a latency threshold of 8192 ms instead of 1024 ms,
   * and the given replacements. With a dozen JVMs starting on two cores the example's cold
   * revisions answer some requests in over a second, and at the tests' time scale the ticket rules'
   * windows hold the whole test, so a 1024 ms threshold would judge the machine's load.
   */
  String manifest(String example, String... fromTo) throws Exception {
    String text =
        replace(
            Files.readString(launcher.root.resolve("examples/hello-service/.runway/" + example)),
            "latency_threshold_ms: 1024",
            "latency_threshold_ms: 8192");
    text = replace(text, "name: example-service", "name: " + name);
    for (int i = 0; i < fromTo.length; i += 2) {
      text = replace(text, fromTo[i], fromTo[i + 1]);
    }
    Path copy = launcher.home.resolve(name + "-" + example);
    Files.writeString(copy, text);
    return copy.toString();
  }

  /** The text with every {@code from} replaced, failing if there is none to replace. */
  static String replace(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  /**
   * The first manifest of a newly provisioned service. The reconciler learns of the provisioning
   * from the bus, after the test's recorder, and later still when the test before killed it (its
   * partitions move once the dead member's session times out): until then it answers 409, which
   * this waits out.
   */
  void applyFirst(String file, String environment) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                launcher
                        .run(Duration.ofMinutes(1), "apply", "-f", file, "--env", environment)
                        .exitCode()
                    == 0);
  }

  void apply(String file, String environment, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("apply", "-f", file, "--env", environment));
    args.addAll(List.of(options));
    Launcher.Run run = launcher.run(Duration.ofMinutes(1), args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  /** 30 requests a second from a client near each staging region, through the gateway. */
  Process traffic() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                "./runway",
                "traffic",
                "--gateway",
                "http://127.0.0.1:" + launcher.env.get("RUNWAY_ROUTER_PORT"),
                "--host",
                name + ".staging.runway.localhost",
                "--client-regions",
                "europe-west4,us-central1,us-west2",
                "--rate",
                "30",
                "--out",
                launcher.home.resolve(name + "-traffic.json").toString())
            .directory(launcher.root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(launcher.home.resolve(name + "-traffic.log").toFile());
    builder.environment().putAll(launcher.env);
    return builder.start();
  }

  /** Whether the revision's last SLO status is HEALTHY in each staging region. */
  boolean healthyEverywhere(TopicRecorder bus, String revision) {
    Map<String, SloStatus> last = new HashMap<>();
    for (SloStatusChanged status : bus.of(SloStatusChanged.class, name)) {
      if (status.revision().equals(revision)) {
        last.put(status.region(), status.status());
      }
    }
    return last.size() == 3 && last.values().stream().allMatch(SloStatus.HEALTHY::equals);
  }

  /** The events of a type about this service, each once (a redelivery repeats an id). */
  <T extends RunwayEvent> List<T> distinct(TopicRecorder bus, Class<T> type) {
    List<T> all = bus.of(type, name);
    List<String> ids = bus.ids(type, name);
    Set<String> seen = new HashSet<>();
    List<T> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (seen.add(ids.get(i))) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /** The guard's view of one revision's rollout; null until it has one. */
  JsonNode rollout(String revision) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(launcher.guard() + "/api/v1/rollouts/" + name))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return null;
    }
    for (JsonNode rollout : JSON.readTree(response.body())) {
      if (rollout.path("revision").asText().equals(revision)) {
        return rollout;
      }
    }
    return null;
  }
}
