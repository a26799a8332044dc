package dev.runway.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.testing.ApiContract;
import dev.runway.testing.DebianTools;
import dev.runway.testing.RunwayTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Every operation of the reconciler's API answers each kind of bad request with a problem. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class ApiContractTest {

  @Test
  void everyBadRequestGetsAProblemAndNoStackTrace() throws Exception {
    assertThat(ApiContract.walk("http://127.0.0.1:" + RestAssured.port, "test-token")).isEmpty();
  }

  @Test
  void everySeriesOfTheWholeExpositionPassesPromtool() throws Exception {
    DebianTools.MetricsCheck check =
        DebianTools.checkMetricsAt("http://127.0.0.1:" + RestAssured.port);
    assertThat(check.exit()).as(check.output()).isZero();
  }
}
