package dev.runway.reconciler.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionDeployFailed;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.ManifestApi;
import dev.runway.reconciler.ReconcilerBus;
import dev.runway.reconciler.rollout.RolloutOrders;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.state.RegionState;
import dev.runway.testing.RunwayTestResource;
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

/**
 * Regions that fail, keep dying or are raced for by two writers, on real processes over the real
 * bus and database: what drift correction and the region lock make of them.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionRecoveryTest {

  private static ReconcilerBus bus;

  @Inject RegionRuntime runtime;

  @Inject DriftCorrector drift;

  @Inject RolloutOrders orders;

  @Inject OrphanedRegions orphans;

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
        List.of("partial-service", "order-service", "crash-service", "replica-service")) {
      for (String region : ManifestApi.REGIONS) {
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

  /** One drift correction pass now, as its schedule (an hour in tests) would run it. */
  private void correctDrift() throws Exception {
    try {
      drift.correct();
    } catch (Throwable e) {
      throw new Exception(e);
    }
  }

  private static List<Recorded> events(Class<?> type, String service) {
    return bus.events(type, service);
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
    // Each start serves for two seconds once it answers on its port, and dies, as a revision with
    // a leak or a bad dependency does (from its readiness on, so a slow start on a loaded machine
    // is not a failed deployment instead)
    String command =
        "  local:\n    command: [bash, -c, 'java -Xmx32m -jar"
            + " ../examples/hello-service/target/hello-service.jar & until (exec 3<>/dev/tcp/127.0.0.1/$PORT)"
            + " 2>/dev/null; do sleep 0.2; done; sleep 2; kill $!']\n";
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
  void aRegionDeployingOnAnotherLiveReplicaIsLeftToItAndTakenOverOnceItsHeartbeatStops()
      throws Throwable {
    postOnceProvisioned("replica-service", manifest("replica-service", ""), Map.of())
        .then()
        .statusCode(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !events(DeploymentCompleted.class, "replica-service").isEmpty());
    long deployedBefore = deployedIn("replica-service", "us-east1");

    // Another replica, alive (its heartbeat an hour ahead), is deploying us-east1 again
    sql(
        "insert into reconciler.lease (name, holder, expires_at) values"
            + " ('reconciler-replica/replica-b', 'replica-b', clock_timestamp() + interval '1 hour')");
    sql(
        "update reconciler.region_state set status = 'DEPLOYING', driver = 'replica-b'"
            + " where id = 'replica-service/staging/us-east1'");

    // This replica leaves it alone, by the orphan check and by drift correction alike
    orphans.redrive();
    correctDrift();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(
            () ->
                "DEPLOYING".equals(regionStatus("replica-service", "us-east1"))
                    && deployedIn("replica-service", "us-east1") == deployedBefore);

    // The other replica's heartbeat stops: the orphan check takes the region over and ends it
    sql(
        "update reconciler.lease set expires_at = clock_timestamp()"
            + " where name = 'reconciler-replica/replica-b'");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              orphans.redrive();
              return "READY".equals(regionStatus("replica-service", "us-east1"));
            });
    // and reports it once (its event follows the commit through the relay)
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> deployedIn("replica-service", "us-east1") == deployedBefore + 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> deployedIn("replica-service", "us-east1") == deployedBefore + 1);
  }

  private static long deployedIn(String service, String region) {
    return events(RegionDeployed.class, service).stream()
        .filter(e -> ((RegionDeployed) e.envelope().data()).region().equals(region))
        .count();
  }

  private static String regionStatus(String service, String region) throws Exception {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withSession(
                  () ->
                      RegionState.<RegionState>findById(service + "/staging/" + region)
                          .map(state -> state.status.name())));
    } catch (Exception e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sql(String statement) {
    inTransaction(
        () ->
            Panache.getSession()
                .chain(session -> session.createNativeQuery(statement).executeUpdate())
                .replaceWithVoid());
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
}
