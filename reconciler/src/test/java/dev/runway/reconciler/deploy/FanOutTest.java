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
import dev.runway.common.events.RegionDeployFailed;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.Topics;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.ManifestApi;
import dev.runway.reconciler.rollout.RolloutOrders;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.state.RegionState;
import dev.runway.testing.EventProducer;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import dev.runway.testing.TopicRecorder.Recorded;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A manifest fans out to every region at once, on real processes, over the real bus. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class FanOutTest {

  private static final List<String> REGIONS = ManifestApi.REGIONS;
  private static TopicRecorder bus;
  private static EventProducer producer;

  @Inject RegionRuntime runtime;

  @Inject DriftCorrector drift;

  @Inject RolloutOrders orders;

  @BeforeAll
  static void connect() {
    bus =
        TopicRecorder.of(
            TestInfrastructure.kafkaBootstrapServers(), Topics.DEPLOYMENTS, Topics.MANIFESTS);
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    bus.close();
    producer.close();
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
    return ManifestApi.postOnceProvisioned(producer, service, "staging", body, query);
  }

  /** One drift correction pass now, as its schedule (an hour in tests) would run it. */
  private void correctDrift() throws Exception {
    try {
      drift.correct();
    } catch (Throwable e) {
      throw new Exception(e);
    }
  }

  private static List<Recorded> events(Class<?> type, String service) {
    return bus.events(e -> e.is(type, service));
  }

  @Test
  void shouldAnswerATrafficStepItCannotApplyWithTheReason() {
    // A step for a region the reconciler runs nothing in: dropping it silently would leave the
    // guard waiting for a TrafficShifted that never comes.
    producer.send(
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
  void shouldFailOnlyTheRegionWhoseCommandFailsAndRetryItAfterABackoff() throws Throwable {
    // us-west1 has no capacity until the file says it has
    java.nio.file.Path capacity =
        java.nio.file.Path.of("target/us-west1-capacity").toAbsolutePath();
    java.nio.file.Files.deleteIfExists(capacity);
    String command =
        "  local:\n    command: [sh, -c, 'if [ \"$RUNWAY_REGION\" = us-west1 ] && [ ! -f "
            + capacity
            + " ]; then echo no capacity in $RUNWAY_REGION; exit 1; fi;"
            + " exec java -Xmx32m -jar ../examples/hello-service/target/hello-service.jar']\n";
    postOnceProvisioned("partial-service", manifest("partial-service", command), Map.of())
        .then()
        .statusCode(202);

    DeploymentCompleted done =
        (DeploymentCompleted)
            await()
                .atMost(Duration.ofSeconds(60))
                .until(
                    () -> events(DeploymentCompleted.class, "partial-service"), l -> !l.isEmpty())
                .get(0)
                .envelope()
                .data();

    assertThat(done.failed()).containsExactly("us-west1");
    assertThat(done.deployed()).containsExactlyInAnyOrder("europe-west1", "us-east1");
    RegionDeployFailed failed =
        (RegionDeployFailed)
            events(RegionDeployFailed.class, "partial-service").get(0).envelope().data();
    assertThat(failed.region()).isEqualTo("us-west1");
    assertThat(failed.reason()).contains("no capacity in us-west1");

    // When capacity comes back, drift correction tries the failed region again once its backoff
    // (1 s here) has passed, and it deploys
    java.nio.file.Files.writeString(capacity, "yes");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              correctDrift();
              return events(RegionDeployed.class, "partial-service").stream()
                  .anyMatch(
                      e -> ((RegionDeployed) e.envelope().data()).region().equals("us-west1"));
            });
  }

  @Test
  void shouldRestartARevisionThatKeepsDyingAndCountItsRestarts() throws Throwable {
    // Each start serves for two seconds and dies, as a revision with a leak or a bad dependency
    String command =
        "  local:\n    command: [sh, -c, 'java -Xmx32m -jar"
            + " ../examples/hello-service/target/hello-service.jar & sleep 2; kill $!']\n";
    postOnceProvisioned("crash-service", manifest("crash-service", command), Map.of())
        .then()
        .statusCode(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !events(DeploymentCompleted.class, "crash-service").isEmpty());

    // Drift correction starts it again after each death, at once the first time and after the
    // backoff (1 s here, doubling) after that, and the status counts the restarts
    await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              correctDrift();
              List<Integer> restarts =
                  given()
                      .get("/api/v1/services/crash-service/status")
                      .then()
                      .extract()
                      .path("environments[0].regions.restarts");
              return restarts.stream().allMatch(r -> r >= 2);
            });
  }

  @Test
  void shouldPublishARegionsTrafficInTheOrderItsWritersCommitted() throws Throwable {
    String v1 = manifest("order-service", "");
    postOnceProvisioned("order-service", v1, Map.of()).then().statusCode(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> events(DeploymentCompleted.class, "order-service").size() == 1);
    post("order-service", v1.replace(":v1", ":v2"), Map.of()).then().statusCode(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> events(DeploymentCompleted.class, "order-service").size() == 2);

    // Two steps of the new revision race for one region, each in its own transaction as the
    // consumers run them: the first has written its step and not yet committed (its consumer's
    // inbox entry is still to come) when the second begins.
    CountDownLatch firstWrote = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Void> first =
          pool.submit(
              () ->
                  inTransaction(
                      () ->
                          orders
                              .shift(step(25), Context.root())
                              .invoke(firstWrote::countDown)
                              .onItem()
                              .delayIt()
                              .by(Duration.ofSeconds(1))));
      assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Void> second =
          pool.submit(() -> inTransaction(() -> orders.shift(step(50), Context.root())));
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    Map<String, Integer> left =
        VertxContextSupport.subscribeAndAwait(
                () ->
                    Panache.withSession(
                        () ->
                            RegionState.<RegionState>findById(
                                RegionState.id("order-service", Environment.STAGING, "us-east1"))))
            .weights();
    List<Map<String, Integer>> heard =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    events(TrafficShifted.class, "order-service").stream()
                        .map(e -> (TrafficShifted) e.envelope().data())
                        .filter(s -> s.region().equals("us-east1"))
                        .map(TrafficShifted::weights)
                        .toList(),
                l -> l.size() == 4);
    // The region ends as its writers committed: the later step's split is what the runtime
    // routes, what the reconciler's state says and the last TrafficShifted a consumer hears.
    assertThat(runtime.traffic(new Placement("order-service", Environment.STAGING, "us-east1")))
        .isEqualTo(left)
        .containsEntry("order-service-staging-00002", 50);
    assertThat(heard.get(heard.size() - 1)).isEqualTo(left);
  }

  private static TrafficShiftRequested step(int percent) {
    return new TrafficShiftRequested(
        "order-service",
        Environment.STAGING,
        "us-east1",
        "order-service-staging-00002",
        percent,
        "order-service-staging-00001",
        Instant.now());
  }

  private static Void inTransaction(java.util.function.Supplier<Uni<Void>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
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
