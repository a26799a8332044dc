package dev.runway.guard.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.PromotionBlocked;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RolloutStarted;
import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.Severity;
import dev.runway.common.events.Sli;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.Topics;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.events.WindowEvidence;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.testing.EventProducer;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import dev.runway.testing.TopicRecorder.Recorded;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the real bus and database, in the reconciler's and observability's place: the test
 * publishes what they would (traffic shifted, SLO status and breaches) and reads what the guard
 * asks for.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.GLOBAL)
class GuardServiceTest {

  private static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");
  private static TopicRecorder bus;
  private static EventProducer producer;

  /** Observability's part, played as observability plays it. */
  private static ObservabilityStandIn observability;

  @BeforeAll
  static void connect() {
    bus =
        TopicRecorder.of(
            TestInfrastructure.kafkaBootstrapServers(), Topics.ROLLOUTS, Topics.DEPLOYMENTS);
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
    observability = new ObservabilityStandIn(producer);
  }

  @AfterAll
  static void disconnect() {
    observability.close();
    bus.close();
    producer.close();
  }

  private static void manifest(String service, Environment environment) {
    String yaml =
        String.format(
            """
            apiVersion: runway/v1
            kind: RunwayService
            metadata:
              name: %s
            spec:
              image: registry.example.com/%s:v2
              container_port: 8181
              regions: [europe-west1, us-east1, us-west1]
              rollout:
                strategy: gradual
                steps: [50, 100]
                bake_time: 2s
                watch: 3s
            """,
            service, service);
    producer.send(
        new ManifestChanged(
            service,
            environment,
            new ManifestValidator(RegionCatalogue.cloudRun())
                .validate(yaml, "runway-" + environment + ".yml", Optional.empty()),
            Origin.api,
            null));
  }

  /** What the reconciler does: v2 ready at 0% beside v1 in every region, then completed. */
  private static void deployed(String service, Environment environment, String v1, String v2) {
    for (String region : REGIONS) {
      shifted(service, environment, region, Map.of(v1, 100, v2, 0));
    }
    producer.send(
        new DeploymentCompleted(
            service,
            environment,
            "dep-" + v2,
            v2,
            REGIONS,
            List.of(),
            900,
            REGIONS,
            new RunwayManifest.Rollout(
                RunwayManifest.Strategy.gradual,
                List.of(50, 100),
                "2s",
                null,
                null,
                "3s",
                null,
                null)));
  }

  private static void shifted(
      String service, Environment environment, String region, Map<String, Integer> weights) {
    Map<String, String> urls =
        weights.keySet().stream()
            .collect(Collectors.toMap(r -> r, r -> "http://127.0.0.1:1/" + r + "/" + region));
    EventEnvelope sent =
        producer.send(new TrafficShifted(service, environment, region, weights, urls));
    observability.shifted(service, environment, region, sent.time().toInstant());
  }

  /** Plays the reconciler for every step the guard asks for, as it asks. */
  private static void confirmSteps(
      String service, Environment environment, String v1, int percent) {
    confirmSteps(service, environment, v1, percent, REGIONS);
  }

  private static void confirmSteps(
      String service, Environment environment, String v1, int percent, List<String> regions) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> steps(service, percent).size() >= regions.size());
    for (String region : regions) {
      shifted(
          service,
          environment,
          region,
          percent == 100
              ? Map.of(steps(service, percent).get(0).revision(), 100)
              : Map.of(v1, 100 - percent, steps(service, percent).get(0).revision(), percent));
    }
  }

  private static List<TrafficShiftRequested> steps(String service, int percent) {
    return of(TrafficShiftRequested.class, service).stream()
        .filter(s -> s.percent() == percent)
        .collect(Collectors.toMap(TrafficShiftRequested::region, s -> s, (a, b) -> a))
        .values()
        .stream()
        .toList();
  }

  /** The revision's status in the region from now on, announced now and at every heartbeat. */
  private static void status(
      String service, Environment env, String region, String rev, SloStatus s) {
    observability.status(service, env, region, rev, s);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> of(Class<T> type, String service) {
    // At-least-once relay: a repeat delivery has the same ce_id and counts once.
    return bus.events(r -> r.is(type, service)).stream()
        .collect(
            Collectors.toMap(
                (Recorded r) -> r.envelope().id(),
                r -> (T) r.envelope().data(),
                (a, b) -> a,
                java.util.LinkedHashMap::new))
        .values()
        .stream()
        .toList();
  }

  @Test
  void aBreachRollsBackItsRegionOnlyBlocksPromotionAndALateBreachChangesNothing() {
    String service = "guarded-service";
    String v1 = service + "-staging-00001";
    String v2 = service + "-staging-00002";
    manifest(service, Environment.STAGING);
    deployed(service, Environment.STAGING, v1, v2);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> of(RolloutStarted.class, service).size() == 1);
    RolloutStarted started = of(RolloutStarted.class, service).get(0);
    assertThat(started.previous()).containsEntry("us-east1", v1).hasSize(3);
    assertThat(started.steps()).containsExactly(50, 100);
    confirmSteps(service, Environment.STAGING, v1, 50);
    assertThat(steps(service, 50)).allSatisfy(s -> assertThat(s.previousRevision()).isEqualTo(v1));
    for (String region : List.of("europe-west1", "us-west1")) {
      status(service, Environment.STAGING, region, v2, SloStatus.HEALTHY);
    }

    SloBreached breach =
        new SloBreached(
            service,
            Environment.STAGING,
            "us-east1",
            v2,
            Sli.AVAILABILITY,
            99.9,
            "page-1h-5m",
            Severity.page,
            150.0,
            List.of(new WindowEvidence("1h", 36, 400, 60, 150.0)),
            0.2,
            null,
            Instant.now());
    producer.send(breach);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> of(RollbackRequested.class, service).size() == 1);
    RollbackRequested rollback = of(RollbackRequested.class, service).get(0);
    assertThat(rollback.region()).isEqualTo("us-east1");
    assertThat(rollback.toRevision()).isEqualTo(v1);
    assertThat(rollback.breach()).isEqualTo(breach);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> of(PromotionBlocked.class, service).size() == 1);

    // The reconciler's answer; then the same breach again, and a late one: nothing more.
    producer.send(
        new RolledBack(
            service,
            Environment.STAGING,
            "us-east1",
            v2,
            v1,
            rollback.reason(),
            breach,
            Instant.now(),
            Instant.now()));
    producer.send(breach);
    // The healthy regions carry on to 100% and finish their watch.
    confirmSteps(service, Environment.STAGING, v1, 100, List.of("europe-west1", "us-west1"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> of(RolloutFinished.class, service).size() == 1);
    assertThat(of(RolloutFinished.class, service).get(0).status())
        .isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(of(RolloutFinished.class, service).get(0).rolledBack()).containsExactly("us-east1");
    assertThat(of(RollbackRequested.class, service)).hasSize(1);
    assertThat(of(PromotionApproved.class, service)).isEmpty();
    assertThat(steps(service, 100))
        .extracting(TrafficShiftRequested::region)
        .containsExactlyInAnyOrder("europe-west1", "us-west1");

    given()
        .get("/api/v1/rollouts/" + service)
        .then()
        .statusCode(200)
        .body("[0].status", equalTo("ROLLED_BACK"))
        .body("[0].regions.find { it.region == 'us-east1' }.phase", equalTo("ROLLED_BACK"))
        .body("[0].regions.find { it.region == 'us-west1' }.percent", equalTo(100));

    // Rollback and blocked promotion reach the webhook, after a failed first call is retried.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(String.join("\n", WebhookReceiver.RECEIVED))
                    .contains("rolled back in *us-east1*")
                    .contains("is not promoted to production"));
  }

  @Test
  void aHealthyStagingRolloutIsApprovedOnceAndOperatorsCanHoldIt() {
    String service = "healthy-service";
    String v1 = service + "-staging-00001";
    String v2 = service + "-staging-00002";
    manifest(service, Environment.STAGING);
    deployed(service, Environment.STAGING, v1, v2);
    confirmSteps(service, Environment.STAGING, v1, 50);

    given()
        .post("/api/v1/rollouts/" + service + "/pause")
        .then()
        .statusCode(401)
        .body("detail", containsString("Bearer"));
    given()
        .auth()
        .oauth2("test-token")
        .post("/api/v1/rollouts/" + service + "/pause?env=staging")
        .then()
        .statusCode(200)
        .body("[0].paused", equalTo(true));
    // A mistyped region is refused; it rolls back nothing and, unlike before, blocks no promotion
    given()
        .auth()
        .oauth2("test-token")
        .post("/api/v1/rollouts/" + service + "/rollback?region=us-eastt1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", containsString("us-eastt1"))
        .body("detail", containsString("region=us-east1"));
    for (String region : REGIONS) {
      status(service, Environment.STAGING, region, v2, SloStatus.HEALTHY);
    }
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> steps(service, 100).isEmpty());
    given()
        .auth()
        .oauth2("test-token")
        .post("/api/v1/rollouts/" + service + "/resume")
        .then()
        .statusCode(200)
        .body("[0].paused", equalTo(false));
    confirmSteps(service, Environment.STAGING, v1, 100);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> of(PromotionApproved.class, service).size() == 1);
    assertThat(of(PromotionApproved.class, service).get(0).revision()).isEqualTo(v2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> of(RolloutFinished.class, service).size() == 1);
    assertThat(of(RolloutFinished.class, service).get(0).status())
        .isEqualTo(RolloutStatus.SUCCEEDED);
    assertThat(of(RollbackRequested.class, service)).isEmpty();

    given()
        .auth()
        .oauth2("test-token")
        .post("/api/v1/rollouts/" + service + "/rollback?env=qa")
        .then()
        .statusCode(400)
        .body("title", containsString("qa"));
    given()
        .auth()
        .oauth2("test-token")
        .post("/api/v1/rollouts/" + service + "/rollback")
        .then()
        .statusCode(404)
        .body("title", containsString("No rollout in progress"));
    given().get("/api/v1/rollouts/no-such-service").then().statusCode(404);
  }
}
