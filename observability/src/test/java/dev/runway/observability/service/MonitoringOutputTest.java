package dev.runway.observability.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.manifest.Environment;
import dev.runway.testing.DebianTools;
import dev.runway.testing.EventProducer;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus and Grafana read from observability, checked by Prometheus's own promtool: the
 * exposition on /q/metrics and the generated rules, on the real output of a running service.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class MonitoringOutputTest {

  @Test
  void metricsCarryEveryLabelAndPassPromtool() throws Exception {
    String service = "metrics-service";
    String revision = service + "-staging-00001";
    try (EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
        TrafficGenerator traffic = new TrafficGenerator(producer, service, Environment.STAGING)) {
      SloServiceTest.deploy(producer, service, revision);
      traffic.set("europe-west1", new TrafficGenerator.Load(revision, 60, 3, 40));
      traffic.start();
      // Other tests' services share this application; wait for this service's own series.
      String labels =
          "environment=\"staging\",region=\"europe-west1\",revision=\"" + revision + "\"";
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(metrics())
                      .contains(
                          "runway_requests_total{code_class=\"5xx\","
                              + labels
                              + ",service=\""
                              + service)
                      .contains(
                          "runway_request_latency_seconds_bucket{"
                              + labels
                              + ",service=\""
                              + service)
                      .contains("le=\"1.024\"")
                      .contains(
                          "runway_slo_burn_rate{"
                              + labels
                              + ",service=\""
                              + service
                              + "\",sli=\"availability\",window=\"5m\"}")
                      .contains("runway_slo_budget_remaining{" + labels + ",service=\"" + service)
                      .contains("runway_slo_breached{" + labels + ",service=\"" + service));
    }
    // The whole exposition, JVM, Vert.x, Netty and Kafka client series included (LintCleanMeters)
    DebianTools.MetricsCheck check =
        DebianTools.checkMetricsAt("http://127.0.0.1:" + RestAssured.port);
    assertThat(check.exit()).as(check.output()).isZero();
  }

  @Test
  void generatedRulesPassPromtool() throws Exception {
    String service = "rules-service";
    try (EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers())) {
      SloServiceTest.manifest(producer, service, Environment.STAGING, 99.5, 512);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> given().get("/api/v1/slo/" + service + "/prometheus-rules").statusCode() == 200);
    String rules = given().get("/api/v1/slo/" + service + "/prometheus-rules").asString();
    assertThat(rules).contains("(14.4 * 0.005)").contains("le=\"0.512\"");
    Path file = Files.createTempFile("rules", ".yml");
    Files.writeString(file, rules);
    String output =
        DebianTools.run(
            Path.of("."),
            List.of(DebianTools.promtool().toString(), "check", "rules", file.toString()));
    assertThat(output).contains("SUCCESS: 22 rules found");
    String dashboard = given().get("/api/v1/slo/" + service + "/grafana-dashboard").asString();
    assertThat(dashboard).contains("\"title\" : \"us-east1\"");
  }

  private static String metrics() {
    return given().get("/q/metrics").asString();
  }
}
