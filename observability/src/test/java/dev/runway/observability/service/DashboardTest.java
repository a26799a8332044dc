package dev.runway.observability.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.manifest.Environment;
import dev.runway.testing.EventProducer;
import dev.runway.testing.HeadlessChromium;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dashboard in a real browser: Debian's Chromium, headless, on the page a person opens. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardTest {

  @TestHTTPResource("/")
  URL page;

  @Test
  void showsEveryRegionOfTheServiceAndATileFollowsNewTelemetry() throws Exception {
    String service = "dashboard-service";
    String revision = service + "-staging-00001";
    try (EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
        TrafficGenerator traffic = new TrafficGenerator(producer, service, Environment.STAGING);
        HeadlessChromium browser = HeadlessChromium.open(page.toString())) {
      SloServiceTest.manifest(producer, service, Environment.STAGING, 99.9, 1024);
      SloServiceTest.deploy(producer, service, revision);
      String tiles = "document.querySelectorAll('.tile[data-service=\"" + service + "\"]')";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> browser.evaluate(tiles + ".length").asInt() == 3);
      assertThat(
              browser
                  .evaluate("Array.from(" + tiles + ").map(t => t.dataset.region).join(',')")
                  .asText())
          .isEqualTo("europe-west1,us-east1,us-west1");
      // What the page renders is the dashboard as the document describes it, field for field
      String base = page.toString().replaceAll("/$", "");
      String dashboard =
          io.restassured.RestAssured.given().get(base + "/api/v1/slo").then().extract().asString();
      assertThat(
              dev.runway.testing.DocumentedShape.of(base)
                  .undocumentedFields("GET", "/api/v1/slo", "200", dashboard))
          .isEmpty();
      String rps =
          "document.querySelector('.tile[data-service=\""
              + service
              + "\"][data-region=\"us-east1\"] .rps').textContent";
      assertThat(browser.evaluate(rps).asText()).isEqualTo("0.0");
      assertThat(browser.evaluate("document.getElementById('connection').textContent").asText())
          .isEqualTo("live");

      browser.screenshot(java.nio.file.Path.of("target/dashboard-before.png"));
      // New telemetry arrives: the tile changes without a reload (60 a second: the fastest
      // rule's 1 s short window at this time scale needs the test minimum of 50).
      traffic.set("us-east1", new TrafficGenerator.Load(revision, 60, 0, 30));
      traffic.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Double.parseDouble(browser.evaluate(rps).asText()) > 0);
      String status =
          "document.querySelector('.tile[data-service=\""
              + service
              + "\"][data-region=\"us-east1\"]').className";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> browser.evaluate(status).asText().contains("s-HEALTHY"));
      // Over the 10 s display window the tile settles on the rate sent.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Double.parseDouble(browser.evaluate(rps).asText()) >= 50);
      browser.screenshot(java.nio.file.Path.of("target/dashboard-after.png"));
      assertThat(browser.evaluate("performance.getEntriesByType('navigation').length").asInt())
          .as("one page load, no reloads")
          .isEqualTo(1);
    }
  }
}
