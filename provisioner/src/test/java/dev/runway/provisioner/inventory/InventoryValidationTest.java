package dev.runway.provisioner.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.runway.provisioner.ProvisionerTestBase;
import dev.runway.testing.RunwayTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a status and message that name the problem, and changes nothing. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class InventoryValidationTest extends ProvisionerTestBase {

  @Test
  void shouldRefuseAnUnknownRegionNamingTheClosestRealOnes() {
    assertRefusedWithoutEffect(
        inventory(service("bad-region", "europe-west1", "us-est1")),
        "$.inventory[0].regions[1]",
        "unknown Cloud Run region 'us-est1'; did you mean us-east1");
  }

  @Test
  void shouldRefuseAnInvalidServiceName() {
    assertRefusedWithoutEffect(
        inventory(service("Not_Valid", "us-east1")),
        "$.inventory[0].name",
        "must be a Cloud Run service name");
  }

  @Test
  void shouldRefuseUnknownFields() {
    assertRefusedWithoutEffect(
        "{\"inventory\":[{\"name\":\"a\",\"project_id\":1,\"regions\":[\"us-east1\"],\"owner\":\"me\"}]}",
        "$.inventory[0]",
        "unknown field 'owner'");
  }

  @Test
  void shouldRefuseAWrongShapeWith400NamingThePathAndTheType() {
    // An object where the list belongs was a 500 with a stack trace once
    assertRefusedWithoutEffect(
        "{\"inventory\": {\"name\": \"a\"}}", "$.inventory", "must be of type array");
    assertRefusedWithoutEffect(
        inventory(service("shape", "us-east1")).replace("[\"us-east1\"]", "{\"us-east1\": 1}"),
        "$.inventory[0].regions",
        "must be of type array");
  }

  @Test
  void shouldRefuseDuplicateServices() {
    assertRefusedWithoutEffect(
        inventory(service("twice", "us-east1"), service("twice", "us-west1")),
        "$.inventory[1].name",
        "already listed");
  }

  @Test
  void shouldRefuseBrokenJsonWithItsLine() {
    assertRefusedWithoutEffect("{\"inventory\": [\n  {\"name\": }\n]}", "$", "not valid JSON");
    postInventory("{\"inventory\": [\n  {\"name\": }\n]}")
        .statusCode(400)
        .body("errors[0].line", equalTo(2));
  }

  @Test
  void shouldRefuseABodyOverTheLimitWith413() {
    String huge = inventory(service("big", "us-east1")) + " ".repeat(300 * 1024);
    int before = bus.all().size();

    postInventory(huge).statusCode(413);

    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> bus.all().size() == before);
  }

  @Test
  void shouldRequireTheBearerToken() {
    String body = inventory(service("unauthorised", "us-east1"));
    given()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/inventory")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("title", equalTo("Missing bearer token"));
    given()
        .header("Authorization", "Bearer wrong")
        .contentType("application/json")
        .body(body)
        .post("/api/v1/inventory")
        .then()
        .statusCode(401)
        .body("title", equalTo("Wrong bearer token"));
    given().get("/api/v1/inventory").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void shouldPublishTheSchema() {
    given()
        .get("/api/v1/inventory/schema")
        .then()
        .statusCode(200)
        .body("title", equalTo("Runway inventory"))
        .body("required", contains("inventory"));
  }

  @Test
  void shouldExposeMetrics() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("runway_outbox_published_total"));
  }

  private static void assertRefusedWithoutEffect(String body, String path, String message) {
    String inventoryBefore = given().get("/api/v1/inventory").asString();
    int before = bus.all().size();

    postInventory(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.path", hasItem(path))
        .body("errors.find { it.path == '" + path + "' }.message", containsString(message));

    assertThat(given().get("/api/v1/inventory").asString()).isEqualTo(inventoryBefore);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> bus.all().size() == before);
  }
}
