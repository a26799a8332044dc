package dev.runway.reconciler;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.ServiceProvisioned;
import dev.runway.testing.EventProducer;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The reconciler's manifest intake as the module's Quarkus tests drive it. */
public final class ManifestApi {
  private ManifestApi() {}

  /** The regions every test service is provisioned in. */
  public static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");

  /** A manifest of the service in {@link #REGIONS}, image {@code :v1}, plus {@code extra}. */
  public static String manifest(String service, String extra) {
    return """
        apiVersion: runway/v1
        kind: RunwayService
        metadata:
          name: %s
        spec:
          image: registry.example.com/%s:v1
          container_port: 8181
          regions: [europe-west1, us-east1, us-west1]
        %s"""
        .formatted(service, service, extra);
  }

  public static Response post(
      String service, String environment, String body, Map<String, String> query) {
    return given()
        .header("Authorization", "Bearer test-token")
        .contentType("text/yaml; charset=UTF-8")
        .queryParams(query)
        .body(body)
        .post("/api/v1/services/" + service + "/manifests/" + environment);
  }

  /** Given the provisioner announced the service in {@link #REGIONS}, once the reconciler knows. */
  public static Response postOnceProvisioned(
      EventProducer producer,
      String service,
      String environment,
      String body,
      Map<String, String> query) {
    producer.send(new ServiceProvisioned(service, 1, REGIONS, "sa@p", List.of()));
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> post(service, environment, body, query), r -> r.statusCode() != 409);
  }
}
