package dev.runway.provisioner.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.runway.common.events.InventoryChanged;
import dev.runway.common.events.ServiceDecommissionRequested;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceRequested;
import dev.runway.provisioner.ProvisionerTestBase;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TopicRecorder;
import dev.runway.testing.TopicRecorder.Recorded;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class InventoryFlowTest extends ProvisionerTestBase {

  @Test
  void shouldProvisionEveryRegionOfANewService() {
    // Given an inventory naming a new service in three regions
    String body = inventory(service("flow-service", "europe-west1", "us-east1", "us-west1"));

    // When it is posted
    postInventory(body)
        .statusCode(200)
        .body("applied", equalTo(true))
        // services other test classes listed may be removed by this inventory; flow-service is new
        .body("changes.find { it.service == 'flow-service' }.kind", equalTo("added"));

    // Then ServiceRequested is on the bus as a CloudEvent in binary mode, keyed by the service
    Recorded requested =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> bus.events(e -> e.is(ServiceRequested.class, "flow-service")),
                l -> l.size() == 1)
            .get(0);
    assertThat(requested.record().key()).isEqualTo("flow-service");
    assertThat(TopicRecorder.header(requested.record(), "ce_specversion")).isEqualTo("1.0");
    assertThat(TopicRecorder.header(requested.record(), "ce_source"))
        .isEqualTo("/runway/provisioner");
    assertThat(TopicRecorder.header(requested.record(), "ce_type"))
        .isEqualTo("runway.ServiceRequested.v1");
    assertThat(TopicRecorder.header(requested.record(), "ce_subject")).isEqualTo("flow-service");
    assertThat(TopicRecorder.header(requested.record(), "content-type"))
        .isEqualTo("application/json");
    assertThat(TopicRecorder.header(requested.record(), "traceparent"))
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    assertThat(((ServiceRequested) requested.envelope().data()).regions())
        .containsExactly("europe-west1", "us-east1", "us-west1");

    // And the service is provisioned in every region, in the same trace
    Recorded provisioned =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> bus.events(e -> e.is(ServiceProvisioned.class, "flow-service")),
                l -> !l.isEmpty())
            .get(0);
    assertThat(((ServiceProvisioned) provisioned.envelope().data()).regions())
        .containsExactly("europe-west1", "us-east1", "us-west1");
    assertThat(traceId(provisioned)).isEqualTo(traceId(requested));
    assertThat(
            bus.events(
                e ->
                    e.envelope().data() instanceof InventoryChanged c
                        && c.added().contains("flow-service")))
        .hasSize(1);

    given()
        .get("/api/v1/services/flow-service")
        .then()
        .statusCode(200)
        .body("status", equalTo("provisioned"))
        .body("regions", contains("europe-west1", "us-east1", "us-west1"))
        .body("service_account", equalTo("crun-flow-service@runway-local.iam.gserviceaccount.com"))
        .body("resources.kind", hasItem("google_cloud_run_v2_service"))
        .body("history.type", hasItem("runway.ServiceRequested.v1"));
    // The history is what the provisioner read back from the bus, so it follows shortly.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/services/flow-service")
                    .then()
                    .body("history.type", hasItem("runway.ServiceProvisioned.v1")));
    given().get("/api/v1/services").then().statusCode(200).body("name", hasItem("flow-service"));
    assertThat(Path.of("target/terraform/flow-service/main.tf.json")).exists();
  }

  @Test
  void shouldPublishNothingWhenTheSameInventoryIsPostedAgain() {
    String body = inventory(service("same-service", "us-east1"));
    postInventory(body).statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bus.events(e -> e.is(ServiceProvisioned.class, "same-service")).size() == 1);
    int before = aboutSameService();

    postInventory(body)
        .statusCode(200)
        .body("changes", empty())
        .body("unchanged", contains("same-service"));

    given().get("/api/v1/inventory").then().body("inventory.name", contains("same-service"));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .until(() -> aboutSameService() == before);
  }

  private static int aboutSameService() {
    return bus.all().stream()
        .filter(r -> "same-service".equals(r.key()) || "inventory".equals(r.key()))
        .toList()
        .size();
  }

  @Test
  void shouldReprovisionChangedRegionsAndDecommissionRemovedServices() throws Exception {
    postInventory(
            inventory(service("keep-service", "us-east1"), service("drop-service", "us-west1")))
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bus.events(e -> e.is(ServiceProvisioned.class, "drop-service")).size() == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bus.events(e -> e.is(ServiceProvisioned.class, "keep-service")).size() == 1);

    postInventory(inventory(service("keep-service", "us-east1", "europe-west1")))
        .statusCode(200)
        .body("changes.service", contains("drop-service", "keep-service"))
        .body("changes.kind", contains("removed", "changed"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> bus.events(e -> e.is(ServiceDecommissioned.class, "drop-service")).size() == 1);
    Recorded changed =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> bus.events(e -> e.is(ServiceProvisioned.class, "keep-service")),
                l -> l.size() == 2)
            .get(1);
    assertThat(((ServiceProvisioned) changed.envelope().data()).regions())
        .containsExactly("us-east1", "europe-west1");
    assertThat(bus.events(e -> e.is(ServiceDecommissionRequested.class, "drop-service")))
        .hasSize(1);
    given().get("/api/v1/services/drop-service").then().body("status", equalTo("decommissioned"));
    assertThat(Path.of("target/terraform/drop-service")).doesNotExist();
    assertThat(Files.readString(Path.of("target/terraform/keep-service/main.tf.json")))
        .contains("europe-west1");
  }

  @Test
  void shouldAnswer404ForAnUnknownService() {
    given()
        .get("/api/v1/services/nobody")
        .then()
        .statusCode(404)
        .body("title", equalTo("No service named nobody"));
  }

  private static String traceId(Recorded recorded) {
    return List.of(TopicRecorder.header(recorded.record(), "traceparent").split("-")).get(1);
  }
}
