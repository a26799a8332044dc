package dev.runway.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.RequestStats;
import dev.runway.common.events.Topics;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.router.routes.RouteFeed;
import dev.runway.router.routes.RouteTable;
import dev.runway.testing.EventProducer;
import dev.runway.testing.KafkaTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Regions failing under steady traffic, ejection and readmission, telemetry, and restarts. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class FailoverTest {

  private static EventProducer producer;
  private static TopicRecorder telemetry;
  private final List<TestBackend> started = new ArrayList<>();

  @BeforeAll
  static void connect() {
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
    telemetry = TopicRecorder.of(TestInfrastructure.kafkaBootstrapServers(), Topics.TELEMETRY);
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    telemetry.close();
  }

  @AfterEach
  void stopBackends() {
    started.forEach(TestBackend::close);
  }

  private TestBackend deploy(String service, String region) {
    String revision = service + "-production-00001";
    TestBackend backend = new TestBackend(region, revision);
    started.add(backend);
    producer.send(
        new TrafficShifted(
            service,
            Environment.PRODUCTION,
            region,
            Map.of(revision, 100),
            Map.of(revision, backend.url())));
    return backend;
  }

  private static Response call(String service, String method) {
    return given()
        .header("Host", service + ".runway.localhost")
        .header("X-Runway-Client-Region", "europe-west1")
        .body(method.equals("POST") ? "{\"prompt\":\"def\"}" : "")
        .request(method, "/v1/completions");
  }

  @Test
  void shouldFailOverToTheNextRegionWhenARegionDiesUnderSteadyTraffic() {
    TestBackend europe = deploy("failover-service", "europe-west1");
    deploy("failover-service", "europe-west4");
    deploy("failover-service", "us-east1");
    Routes.awaitRegions("failover-service", 3);
    assertThat(call("failover-service", "GET").header("X-Runway-Region")).isEqualTo("europe-west1");

    // At a steady 100 requests per second, half GET and half POST, europe-west1 dies
    int getErrors = 0;
    int postErrors = 0;
    long killedAt = 0;
    long firstElsewhere = 0;
    List<String> servedBy = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      long due = start + i * 10_000_000L;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      if (i == 100) {
        europe.close();
        killedAt = System.nanoTime();
      }
      String method = i % 2 == 0 ? "GET" : "POST";
      Response response = call("failover-service", method);
      if (response.statusCode() >= 500) {
        if (method.equals("GET")) {
          getErrors++;
        } else {
          postErrors++;
        }
      }
      String region = response.header("X-Runway-Region");
      servedBy.add(region);
      if (i >= 100 && firstElsewhere == 0 && "europe-west4".equals(region)) {
        firstElsewhere = System.nanoTime();
      }
    }

    System.out.printf(
        "failover: %d GET and %d POST errors; europe-west4 served %.0f ms after the kill%n",
        getErrors, postErrors, (firstElsewhere - killedAt) / 1e6);
    assertThat(getErrors).as("idempotent requests failed").isZero();
    assertThat(postErrors).as("client-visible errors").isLessThanOrEqualTo(5);
    assertThat(servedBy.subList(0, 100)).containsOnly("europe-west1");
    assertThat(servedBy.subList(150, 300))
        .as("the next nearest region serves")
        .containsOnly("europe-west4");
  }

  @Test
  void shouldEjectABackendThatKeepsFailingAndReadmitItWhenItRecovers() {
    TestBackend europe = deploy("outlier-service", "europe-west1");
    deploy("outlier-service", "us-east1");
    Routes.awaitRegions("outlier-service", 2);

    // POSTs are not retried, so each failure reaches the client until the ejection
    europe.mode(TestBackend.Mode.FAIL);
    int failures = 0;
    for (int i = 0; i < 10; i++) {
      if (call("outlier-service", "POST").statusCode() == 500) {
        failures++;
      }
    }
    assertThat(failures).as("failures before the ejection").isBetween(2, 5);
    assertThat(call("outlier-service", "POST").header("X-Runway-Region")).isEqualTo("us-east1");
    assertThat(
            given()
                .get("/admin/routes")
                .jsonPath()
                .getBoolean(
                    "find { it.service == 'outlier-service' }.regions.'europe-west1'[0].ejected"))
        .isTrue();

    // Once it answers again and the ejection (2 s in tests) is over, it takes traffic back
    europe.mode(TestBackend.Mode.OK);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> "europe-west1".equals(call("outlier-service", "GET").header("X-Runway-Region")));
  }

  @Test
  void shouldPublishRequestStatsMatchingTheTrafficServed() {
    deploy("stats-service", "europe-west1");
    Routes.awaitRegions("stats-service", 1);

    for (int i = 0; i < 30; i++) {
      call("stats-service", "GET");
    }
    for (int i = 0; i < 7; i++) {
      given().header("Host", "stats-service.runway.localhost").get("/status/404");
    }
    for (int i = 0; i < 3; i++) {
      given().header("Host", "stats-service.runway.localhost").get("/status/503");
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sum(stats("stats-service"), RequestStats::requests) == 40);
    List<RequestStats> stats = stats("stats-service");
    assertThat(sum(stats, RequestStats::status2xx)).isEqualTo(30);
    assertThat(sum(stats, RequestStats::status4xx)).isEqualTo(7);
    assertThat(sum(stats, RequestStats::status5xx)).isEqualTo(3);
    assertThat(stats)
        .allSatisfy(
            s -> {
              assertThat(s.region()).isEqualTo("europe-west1");
              assertThat(s.revision()).isEqualTo("stats-service-production-00001");
              assertThat(s.latencyCounts().stream().mapToLong(Long::longValue).sum())
                  .isEqualTo(s.requests());
            });
    assertThat(given().get("/q/metrics").asString())
        .contains(
            "runway_router_requests_total{code=\"4xx\",environment=\"production\",region=\"europe-west1\",revision=\"stats-service-production-00001\",service=\"stats-service\"} 7.0");
  }

  @Test
  void shouldRebuildTheRouteTableFromTheBusOnStart() {
    // a route the table refuses is skipped and counted, not the end of the feed
    producer.send(
        new TrafficShifted(
            "bad-url-service",
            Environment.PRODUCTION,
            "europe-west1",
            Map.of("bad-url-service-production-00001", 100),
            Map.of("bad-url-service-production-00001", "http://[not a url")));
    deploy("restart-service", "europe-west1");
    deploy("restart-service", "us-east1");
    Routes.awaitRegions("restart-service", 2);

    // A router starting now reads the same facts
    RouteTable rebuilt = new RouteTable(System::nanoTime);
    Counter skipped = new SimpleMeterRegistry().counter("skipped");
    try (RouteFeed feed =
        new RouteFeed(TestInfrastructure.kafkaBootstrapServers(), rebuilt, skipped)) {
      feed.start();
      await().atMost(Duration.ofSeconds(20)).until(feed::caughtUp);
      assertThat(skipped.count()).isGreaterThanOrEqualTo(1);
      assertThat(rebuilt.find("restart-service", Environment.PRODUCTION).orElseThrow().regions())
          .containsOnlyKeys("europe-west1", "us-east1");
    }
  }

  private static List<RequestStats> stats(String service) {
    return telemetry.events(e -> e.is(RequestStats.class, service)).stream()
        .map(e -> (RequestStats) e.envelope().data())
        .toList();
  }

  private static long sum(
      List<RequestStats> stats, java.util.function.ToLongFunction<RequestStats> f) {
    return stats.stream().mapToLong(f).sum();
  }
}
