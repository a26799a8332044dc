package dev.runway.reconciler.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.DryRunPlanned;
import dev.runway.common.events.RegionAction;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.ManifestApi;
import dev.runway.reconciler.ReconcilerBus;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TopicRecorder.Recorded;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A manifest fans out to every region at once, on real processes, over the real bus. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class FanOutTest {

  private static final List<String> REGIONS = ManifestApi.REGIONS;
  private static ReconcilerBus bus;

  @Inject RegionRuntime runtime;

  @BeforeAll
  static void connect() {
    bus = ReconcilerBus.open();
  }

  @AfterAll
  static void disconnect() {
    bus.close();
  }

  @AfterEach
  void stopProcesses() {
    for (String service :
        List.of(
            "fanout-service",
            "partial-service",
            "plan-service",
            "order-service",
            "crash-service")) {
      for (String region : REGIONS) {
        runtime.remove(new Placement(service, Environment.STAGING, region));
      }
    }
  }

  private static String manifest(String service, String extra) {
    return ManifestApi.manifest(service, extra);
  }

  private static Response post(String service, String body, Map<String, String> query) {
    return ManifestApi.post(service, "staging", body, query);
  }

  private static Response postOnceProvisioned(
      String service, String body, Map<String, String> query) {
    return ManifestApi.postOnceProvisioned(bus.producer(), service, "staging", body, query);
  }

  private static List<Recorded> events(Class<?> type, String service) {
    return bus.events(type, service);
  }

  @Test
  void shouldAnswerATrafficStepItCannotApplyWithTheReason() {
    // A step for a region the reconciler runs nothing in: dropping it silently would leave the
    // guard waiting for a TrafficShifted that never comes.
    bus.producer()
        .send(
            new dev.runway.common.events.TrafficShiftRequested(
                "unplaced-service",
                dev.runway.common.manifest.Environment.STAGING,
                "us-east1",
                "unplaced-service-staging-00002",
                25,
                "unplaced-service-staging-00001",
                java.time.Instant.now()));

    dev.runway.common.events.TrafficShiftFailed failed =
        (dev.runway.common.events.TrafficShiftFailed)
            await()
                .atMost(Duration.ofSeconds(20))
                .until(
                    () ->
                        events(
                            dev.runway.common.events.TrafficShiftFailed.class, "unplaced-service"),
                    l -> !l.isEmpty())
                .get(0)
                .envelope()
                .data();
    assertThat(failed.region()).isEqualTo("us-east1");
    assertThat(failed.percent()).isEqualTo(25);
    assertThat(failed.reason()).isEqualTo("the region is unknown");
  }

  @Test
  void shouldDeployEveryRegionAndEachAnswersWithItsRegion() throws Exception {
    postOnceProvisioned("fanout-service", manifest("fanout-service", ""), Map.of())
        .then()
        .statusCode(202);

    Recorded completed =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> events(DeploymentCompleted.class, "fanout-service"), l -> !l.isEmpty())
            .get(0);
    DeploymentCompleted done = (DeploymentCompleted) completed.envelope().data();
    assertThat(done.deployed()).containsExactlyInAnyOrderElementsOf(REGIONS);
    assertThat(done.failed()).isEmpty();
    assertThat(done.revision()).isEqualTo("fanout-service-staging-00001");
    assertThat(events(RegionDeployRequested.class, "fanout-service"))
        .extracting(e -> ((RegionDeployRequested) e.envelope().data()).action())
        .containsOnly(RegionAction.CREATE)
        .hasSize(3);
    HttpClient http = HttpClient.newHttpClient();
    for (Recorded e : events(RegionDeployed.class, "fanout-service")) {
      RegionDeployed deployed = (RegionDeployed) e.envelope().data();
      String answer =
          http.send(
                  HttpRequest.newBuilder(URI.create(deployed.url() + "/v1/completions")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(answer)
          .contains("\"region\":\"" + deployed.region() + "\"")
          .contains("\"revision\":\"fanout-service-staging-00001\"");
    }
    given()
        .get("/api/v1/services/fanout-service/status")
        .then()
        .statusCode(200)
        .body("environments[0].desired_revision", equalTo("fanout-service-staging-00001"))
        .body("environments[0].regions.status", equalTo(List.of("ready", "ready", "ready")));

    // The same manifest again makes no new revision and deploys nothing.
    post("fanout-service", manifest("fanout-service", ""), Map.of()).then().statusCode(202);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> events(RegionDeployRequested.class, "fanout-service").size() == 3);
  }

  @Test
  void shouldPlanADryRunWithoutDeploying() {
    String planId =
        postOnceProvisioned("plan-service", manifest("plan-service", ""), Map.of("dry_run", "true"))
            .then()
            .statusCode(202)
            .extract()
            .path("plan_id");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !events(DryRunPlanned.class, "plan-service").isEmpty());
    given()
        .get("/api/v1/plans/" + planId)
        .then()
        .statusCode(200)
        .body("regions.action", equalTo(List.of("CREATE", "CREATE", "CREATE")))
        .body("regions.to_revision", hasItem("plan-service-staging-00001"));
    assertThat(events(RegionDeployRequested.class, "plan-service")).isEmpty();
  }

  @Test
  void shouldRefuseAnInvalidManifestWithFileLineAndColumn() {
    postOnceProvisioned(
            "fanout-service",
            manifest("fanout-service", "").replace("container_port: 8181", "container_port: 0"),
            Map.of())
        .then()
        .statusCode(400)
        .body("errors[0].path", equalTo("$.spec.container_port"))
        .body("errors[0].line", equalTo(7))
        .body("errors[0].column", equalTo(19))
        .body("errors[0].message", equalTo("must be 1..65535, got 0"));
  }

  @Test
  void shouldRefuseAServiceThatIsNotProvisioned() {
    post("nobody", manifest("nobody", ""), Map.of())
        .then()
        .statusCode(409)
        .body("title", containsString("not provisioned"));
  }

  @Test
  void shouldRefuseARegionThatIsNotProvisioned() {
    postOnceProvisioned(
            "fanout-service",
            manifest("fanout-service", "").replace("us-west1]", "asia-east1]"),
            Map.of())
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("region 'asia-east1' is not provisioned"));
  }
}
