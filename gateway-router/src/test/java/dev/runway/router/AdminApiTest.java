package dev.runway.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.ApiContract;
import dev.runway.testing.DebianTools;
import dev.runway.testing.EventProducer;
import dev.runway.testing.KafkaTestResource;
import dev.runway.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router's own endpoints, beside the proxy: its admin API, its document and its metrics. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class AdminApiTest {

  private static String base() {
    return "http://127.0.0.1:" + RestAssured.port;
  }

  @Test
  void shouldAnswerItsOwnApiAsDocumentedAndEveryErrorAsAProblem() throws Exception {
    // With a route in the table, so the walk holds a real answer of /admin/routes to its schema.
    String revision = "contract-production-00001";
    try (TestBackend backend = new TestBackend("europe-west1", revision);
        EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers())) {
      producer.send(
          new TrafficShifted(
              "contract",
              Environment.PRODUCTION,
              "europe-west1",
              Map.of(revision, 100),
              Map.of(revision, backend.url())));
      Routes.awaitRegions("contract", 1);

      assertThat(ApiContract.walk(base(), "no-token-needed")).isEmpty();
    }
  }

  @Test
  void shouldExposeMetricsThatPassPromtool() throws Exception {
    // A HELP line with an escaped quote (system_cpu_usage's) made promtool refuse all of it; Netty
    // left its series undescribed and the JVM binder abbreviates units (LintCleanMeters)
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
        .contains("# HELP system_cpu_usage");
    DebianTools.MetricsCheck check = DebianTools.checkMetricsAt(base());
    assertThat(check.exit()).as(check.output()).isZero();
  }
}
