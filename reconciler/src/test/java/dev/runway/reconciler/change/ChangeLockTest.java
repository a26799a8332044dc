package dev.runway.reconciler.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import dev.runway.common.events.ChangeHeld;
import dev.runway.common.events.ChangeReleased;
import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.ManifestApi;
import dev.runway.reconciler.ReconcilerBus;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.testing.RunwayTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production change lock on the real bus and database: an API apply of an image that never
 * succeeded in staging is held and announced, and released when staging's rollout of it is
 * approved; an override with a reason goes ahead at once and the reason is on its event.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class ChangeLockTest {

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
    for (String service : List.of("locked-service", "override-service")) {
      for (Environment env : Environment.values()) {
        for (String region : REGIONS) {
          runtime.remove(new Placement(service, env, region));
        }
      }
    }
  }

  private static Response post(String service, String environment, Map<String, String> query) {
    return ManifestApi.post(service, environment, ManifestApi.manifest(service, ""), query);
  }

  private static Response postOnceProvisioned(
      String service, String environment, Map<String, String> query) {
    return ManifestApi.postOnceProvisioned(
        bus.producer(), service, environment, ManifestApi.manifest(service, ""), query);
  }

  private static <T> List<T> events(Class<T> type, String service) {
    return bus.events(type, service).stream().map(r -> type.cast(r.envelope().data())).toList();
  }

  private static List<RegionDeployRequested> deploys(String service, Environment environment) {
    return events(RegionDeployRequested.class, service).stream()
        .filter(d -> d.environment() == environment)
        .toList();
  }

  @Test
  void aProductionApplyOfAnImageNotYetSucceededInStagingWaitsForStaging() {
    // When production is applied first, the answer says it is held and why
    postOnceProvisioned("locked-service", "production", Map.of())
        .then()
        .statusCode(202)
        .body("held", containsString("production change lock"));
    ChangeHeld held =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> events(ChangeHeld.class, "locked-service"), l -> !l.isEmpty())
            .get(0);
    assertThat(held.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(held.image()).isEqualTo("registry.example.com/locked-service:v1");
    assertThat(held.reason()).contains("has not succeeded in staging");

    // Staging is not locked: it deploys, and production still waits
    post("locked-service", "staging", Map.of()).then().statusCode(202).body("held", nullValue());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> events(DeploymentCompleted.class, "locked-service"), l -> !l.isEmpty());
    assertThat(deploys("locked-service", Environment.PRODUCTION)).isEmpty();

    // Then the guard approves staging's rollout of the image: the held change goes ahead
    bus.producer()
        .send(
            new PromotionApproved("locked-service", "locked-service-staging-00001", Instant.now()));
    ChangeReleased released =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> events(ChangeReleased.class, "locked-service"), l -> !l.isEmpty())
            .get(0);
    assertThat(released.reason()).contains("production change lock");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                events(DeploymentCompleted.class, "locked-service").stream()
                    .anyMatch(d -> d.environment() == Environment.PRODUCTION));
    assertThat(deploys("locked-service", Environment.PRODUCTION)).hasSize(3);
  }

  @Test
  void anOverrideWithAReasonGoesAheadAndTheReasonIsOnTheEvent() {
    postOnceProvisioned(
            "override-service", "production", Map.of("change_lock_override", "INC-4711 hotfix"))
        .then()
        .statusCode(202)
        .body("held", nullValue());
    ManifestChanged change =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> events(ManifestChanged.class, "override-service"), l -> !l.isEmpty())
            .get(0);
    assertThat(change.changeLockOverride()).isEqualTo("INC-4711 hotfix");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !events(DeploymentCompleted.class, "override-service").isEmpty());
    assertThat(events(ChangeHeld.class, "override-service")).isEmpty();
  }

  @Test
  void aBlankOverrideIsAProblemThatAsksForTheReason() {
    post("blank-service", "production", Map.of("change_lock_override", "  "))
        .then()
        .statusCode(400)
        .body("title", containsString("change_lock_override needs a reason"));
  }
}
