package dev.runway.observability.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.SloRecovered;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import dev.runway.common.events.Topics;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.slo.BurnRule;
import dev.runway.observability.slo.BurnRules;
import dev.runway.observability.slo.DetectionTime;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.TimeScale;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Observability on the real bus and database: telemetry in, verdicts and SLO events out. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class SloServiceTest {

  static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");
  private static TopicRecorder bus;
  private static EventProducer producer;

  @BeforeAll
  static void connect() {
    bus = TopicRecorder.of(TestInfrastructure.kafkaBootstrapServers(), Topics.SLO);
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    bus.close();
    producer.close();
  }

  static void deploy(EventProducer producer, String service, String revision) {
    for (String region : REGIONS) {
      producer.send(
          new TrafficShifted(
              service,
              Environment.STAGING,
              region,
              Map.of(revision, 100),
              Map.of(revision, "http://127.0.0.1:1/" + region)));
    }
  }

  /** A manifest for the service in three regions, with the given objectives. */
  static void manifest(
      EventProducer producer,
      String service,
      Environment environment,
      double availability,
      int latencyMs) {
    String yaml =
        String.format(
            java.util.Locale.ROOT,
            """
            apiVersion: runway/v1
            kind: RunwayService
            metadata:
              name: %s
            spec:
              image: registry.example.com/%s:v1
              container_port: 8181
              regions: [europe-west1, us-east1, us-west1]
              slo:
                availability: %s
                latency_threshold_ms: %d
            """,
            service,
            service,
            availability,
            latencyMs);
    producer.send(
        new dev.runway.common.events.ManifestChanged(
            service,
            environment,
            new dev.runway.common.manifest.ManifestValidator(
                    dev.runway.common.regions.RegionCatalogue.cloudRun())
                .validate(yaml, "runway-" + environment + ".yml", java.util.Optional.empty()),
            dev.runway.common.events.Origin.api,
            null));
  }

  private static List<Recorded> slo(Class<?> type, String service) {
    return bus.events(r -> r.is(type, service));
  }

  @Test
  void aRevisionFailingTenPercentInOneRegionBreachesOnceThereAndNowhereElse() throws Exception {
    String service = "breach-service";
    String revision = service + "-staging-00001";
    deploy(producer, service, revision);
    try (TrafficGenerator traffic = new TrafficGenerator(producer, service, Environment.STAGING)) {
      for (String region : REGIONS) {
        traffic.set(region, new TrafficGenerator.Load(revision, 100, 0, 20));
      }
      traffic.start();
      // Healthy history first: the region is judged healthy before the fault.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  "HEALTHY"
                      .equals(
                          given()
                              .get("/api/v1/slo/" + service)
                              .jsonPath()
                              .getString(
                                  "environments[0].regions.find { it.region == 'us-east1' }"
                                      + ".status")));
      Instant fault = Instant.now();
      traffic.set("us-east1", new TrafficGenerator.Load(revision, 100, 10, 20));
      // With a full window of healthy history the page rule needs this long; a second's
      // evaluation interval and a second of publishing lag come on top.
      Duration detection =
          DetectionTime.of(BurnRules.WORKBOOK.get(0), Objective.DEFAULT, 0.10, new TimeScale(0.001))
              .orElseThrow();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !slo(SloBreached.class, service).isEmpty());
      Recorded first = slo(SloBreached.class, service).get(0);
      SloBreached breach = (SloBreached) first.envelope().data();
      Duration took = Duration.between(fault, Instant.ofEpochMilli(first.record().timestamp()));
      assertThat(took).isLessThan(detection.plusSeconds(3));
      assertThat(breach.region()).isEqualTo("us-east1");
      assertThat(breach.revision()).isEqualTo(revision);
      assertThat(breach.sli()).isEqualTo(Sli.AVAILABILITY);
      // Which rule is first depends on how much healthy history dilutes each long window (a
      // slower rule's long window may still hold less of the fault); whichever it is, it burns
      // faster than its own factor.
      // (The step's own window is judged with the fastest rule's factor.)
      BurnRule decisive =
          breach.rule().equals(dev.runway.observability.slo.Finding.STEP_RULE)
              ? BurnRules.fastest(BurnRules.WORKBOOK)
              : BurnRules.WORKBOOK.stream()
                  .filter(r -> r.name().equals(breach.rule()))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("not a burn-rate rule: " + breach.rule()));
      assertThat(breach.burnRate()).isGreaterThan(decisive.factor());
      // a rule's long and short window, or the step's one
      assertThat(breach.windows())
          .hasSize(breach.rule().equals(dev.runway.observability.slo.Finding.STEP_RULE) ? 1 : 2);
      assertThat(breach.windows().get(0).requests()).isGreaterThanOrEqualTo(50);

      // The revision keeps failing: still one event, and none for the healthy regions.
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(6))
          .until(() -> slo(SloBreached.class, service).size() == 1);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  given()
                      .get("/api/v1/slo/" + service)
                      .then()
                      .statusCode(200)
                      .body(
                          "environments[0].regions.region",
                          hasItems("europe-west1", "us-east1", "us-west1"))
                      .body(
                          "environments[0].regions.find { it.region == 'us-east1' }.status",
                          equalTo("BREACHED"))
                      .body(
                          "environments[0].regions.find { it.region == 'us-west1' }.status",
                          equalTo("HEALTHY"))
                      .body(
                          "environments[0].regions.find { it.region == 'us-east1' }.split['"
                              + revision
                              + "']",
                          equalTo(100)));

      // It heals: once every rule's short window is clean, one SloRecovered.
      traffic.set("us-east1", new TrafficGenerator.Load(revision, 100, 0, 20));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !slo(SloRecovered.class, service).isEmpty());
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(4))
          .until(() -> slo(SloRecovered.class, service).size() == 1);
      assertThat(slo(SloBreached.class, service)).hasSize(1);
      SloRecovered recovered =
          (SloRecovered) slo(SloRecovered.class, service).get(0).envelope().data();
      assertThat(recovered.region()).isEqualTo("us-east1");
      assertThat(recovered.breachedAt()).isEqualTo(breach.detectedAt());
      // The overall status is announced on each change, which is what the rollout guard reads.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(statuses(service, "us-east1"))
                      .containsSubsequence(
                          SloStatus.HEALTHY, SloStatus.BREACHED, SloStatus.HEALTHY));
      assertThat(statuses(service, "us-west1"))
          .contains(SloStatus.HEALTHY)
          .doesNotContain(SloStatus.BREACHED);
    }
  }

  /** The region's announced statuses in order, a repeat delivery of the same one folded. */
  private static List<SloStatus> statuses(String service, String region) {
    List<SloStatus> statuses = new java.util.ArrayList<>();
    for (Recorded r : slo(SloStatusChanged.class, service)) {
      SloStatusChanged change = (SloStatusChanged) r.envelope().data();
      if (change.region().equals(region)
          && (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(change.status()))) {
        statuses.add(change.status());
      }
    }
    return statuses;
  }

  @Test
  void aCanaryAtTenPercentOfARegionsTrafficIsJudgedOnItsOwnRequests() throws Exception {
    String service = "canary-service";
    String stable = service + "-staging-00001";
    String canary = service + "-staging-00002";
    producer.send(
        new TrafficShifted(
            service, Environment.STAGING, "us-west1", Map.of(stable, 100), Map.of()));
    java.time.Instant shiftedAt =
        producer
            .send(
                new TrafficShifted(
                    service,
                    Environment.STAGING,
                    "us-west1",
                    Map.of(stable, 90, canary, 10),
                    Map.of()))
            .time()
            .toInstant();
    try (TrafficGenerator traffic = new TrafficGenerator(producer, service, Environment.STAGING)) {
      // The region as a whole fails 1% (a 10x burn, under the fast page threshold); the canary,
      // a tenth of its requests, fails 10%.
      traffic.set("us-west1", new TrafficGenerator.Load(stable, 540, 0, 20));
      traffic.set("us-west1", new TrafficGenerator.Load(canary, 60, 6, 20));
      traffic.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !slo(SloBreached.class, service).isEmpty());
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> slo(SloBreached.class, service).size() == 1);
      List<Recorded> breaches = slo(SloBreached.class, service);
      assertThat(breaches).hasSize(1);
      SloBreached breach = (SloBreached) breaches.get(0).envelope().data();
      assertThat(breach.revision()).isEqualTo(canary);
      assertThat(breach.region()).isEqualTo("us-west1");
      String revisions = "environments[0].regions[0].revisions";
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  given()
                      .get("/api/v1/slo/" + service)
                      .then()
                      .statusCode(200)
                      .body(
                          revisions + ".find { it.revision == '" + stable + "' }.slis[0].status",
                          equalTo("HEALTHY"))
                      .body(
                          revisions
                              + ".find { it.revision == '"
                              + canary
                              + "' }.slis[0].rules.rule",
                          hasItems("page-1h-5m", "canary-vs-stable"))
                      .body(
                          revisions + ".find { it.revision == '" + stable + "' }.stable",
                          equalTo(true)));
      assertThat(slo(SloBreached.class, service)).hasSize(1);

      // Every verdict names its evidence: the stable's is over the seconds since the split took
      // effect plus the metric lag (2 s), never a second of the split before, with at least the
      // minimum sample (50 here) in it.
      SloStatusChanged healthy =
          slo(SloStatusChanged.class, service).stream()
              .map(r -> (SloStatusChanged) r.envelope().data())
              .filter(c -> c.revision().equals(stable) && c.status() == SloStatus.HEALTHY)
              .reduce((first, second) -> second)
              .orElseThrow();
      assertThat(healthy.windowStart()).isAfterOrEqualTo(shiftedAt.plusSeconds(2));
      assertThat(healthy.windowEnd()).isAfter(healthy.windowStart());
      assertThat(healthy.requests()).isGreaterThanOrEqualTo(50);
    }
  }

  @Test
  void anUnknownServiceIsA404ThatSaysWhatToCheck() {
    given()
        .get("/api/v1/slo/no-such-service")
        .then()
        .statusCode(404)
        .body("title", equalTo("Unknown service"))
        .body("detail", org.hamcrest.Matchers.containsString("./runway services"));
  }
}
