package dev.runway.provisioner;

import static io.restassured.RestAssured.given;

import dev.runway.common.events.Topics;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What the provisioner's wiring tests share: an outside view of the bus and an API client. */
public abstract class ProvisionerTestBase {

  protected static final String TOKEN = "test-token";

  protected static TopicRecorder bus;

  @BeforeAll
  static void recordTheBus() {
    bus =
        TopicRecorder.of(
            TestInfrastructure.kafkaBootstrapServers(), Topics.SERVICES, Topics.DEAD_LETTER);
  }

  @AfterAll
  static void stopRecording() {
    bus.close();
  }

  protected static ValidatableResponse postInventory(String json) {
    return given()
        .header("Authorization", "Bearer " + TOKEN)
        .contentType("application/json")
        .body(json)
        .post("/api/v1/inventory")
        .then();
  }

  protected static String inventory(String... entries) {
    return "{\"inventory\":[" + String.join(",", entries) + "]}";
  }

  protected static String service(String name, String... regions) {
    return "{\"name\":\""
        + name
        + "\",\"project_id\":46267196,\"regions\":["
        + String.join(",", java.util.Arrays.stream(regions).map(r -> "\"" + r + "\"").toList())
        + "]}";
  }
}
