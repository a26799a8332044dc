package dev.runway.router;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

/** The router's route table as its admin endpoint shows it. */
final class Routes {

  private Routes() {}

  /** Waits until the router routes {@code service} in production to {@code regions} regions. */
  static void awaitRegions(String service, int regions) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                    .get("/admin/routes")
                    .jsonPath()
                    .getList("findAll { it.service == '" + service + "' }.regions")
                    .stream()
                    .mapToInt(r -> ((Map<?, ?>) r).size())
                    .sum(),
            n -> n == regions);
  }
}
