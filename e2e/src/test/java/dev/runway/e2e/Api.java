package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.ServiceProvisioned;
import dev.runway.testing.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The platform's HTTP APIs, as a client sees them. */
final class Api {
  private Api() {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** POSTs with the platform's bearer token and expects a 2xx. */
  static String post(Launcher launcher, String url, String contentType, String body)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + launcher.token())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return response.body();
  }

  /** Posts an inventory and returns once the named service of it is provisioned. */
  static void provision(Launcher launcher, TopicRecorder bus, String inventory, String service)
      throws Exception {
    post(launcher, launcher.provisioner() + "/api/v1/inventory", "application/json", inventory);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> !bus.of(dev.runway.common.events.ServiceProvisioned.class, service).isEmpty());
  }

  /**
   * A staging manifest for the three regions whose revisions take {@code seconds} to become ready,
   * so that a fault injected once the fan-out has begun lands while regions are still deploying.
   */
  static String slowManifest(String service, int seconds) {
    return """
        apiVersion: runway/v1
        kind: RunwayService
        metadata: { name: %1$s }
        spec:
          image: registry.example.com/%1$s:v1
          container_port: 8181
          regions: [europe-west1, us-east1, us-west1]
          local:
            command: [sh, -c, 'sleep %2$d; exec java -Xmx32m -jar examples/hello-service/target/hello-service.jar']
        """
        .formatted(service, seconds);
  }

  /** Applies a staging manifest through the reconciler's API, waiting for it to answer. */
  static void applyStaging(Launcher launcher, String service, String manifest) {
    String url = launcher.reconciler() + "/api/v1/services/" + service + "/manifests/staging";
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> post(launcher, url, "text/yaml", manifest) != null);
  }

  /** The service's first DeploymentCompleted, which must name every region. */
  static dev.runway.common.events.DeploymentCompleted awaitCompleted(
      TopicRecorder bus, String service) {
    dev.runway.common.events.DeploymentCompleted done =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> bus.of(dev.runway.common.events.DeploymentCompleted.class, service),
                l -> !l.isEmpty())
            .get(0);
    assertThat(done.deployed()).containsExactlyInAnyOrder("europe-west1", "us-east1", "us-west1");
    return done;
  }

  /**
   * The fields of {@code base}'s answer to {@code GET template} (filled with {@code value}) that
   * the service's own OpenAPI document does not name: what {@code runwayctl} reads must be there.
   */
  static java.util.List<String> undocumented(String base, String template, String value)
      throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + template.replaceAll("\\{[^}]+}", value)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(template + ": " + answer.body()).isEqualTo(200);
    return dev.runway.testing.DocumentedShape.of(base)
        .undocumentedFields("GET", template, "200", answer.body());
  }

  /**
   * Returns once every named service is provisioned, each by exactly one ServiceProvisioned
   * (ce_id), and stays so for two seconds: a duplicate effect would show up as a second id.
   */
  static void awaitProvisionedOnce(TopicRecorder bus, List<String> names) {
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> names.stream().allMatch(n -> !bus.ids(ServiceProvisioned.class, n).isEmpty()));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                names.stream()
                    .allMatch(n -> Set.copyOf(bus.ids(ServiceProvisioned.class, n)).size() == 1));
  }

  static String inventory(String... services) {
    StringBuilder json = new StringBuilder("{\"inventory\":[");
    for (int i = 0; i < services.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(services[i])
          .append("\",\"project_id\":1,\"regions\":[\"europe-west1\",\"us-east1\",\"us-west1\"]}");
    }
    return json.append("]}").toString();
  }
}
