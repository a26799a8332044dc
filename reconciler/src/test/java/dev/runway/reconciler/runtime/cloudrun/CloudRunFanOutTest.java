package dev.runway.reconciler.runtime.cloudrun;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Service;
import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.Topics;
import dev.runway.testing.EventProducer;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import dev.runway.testing.TopicRecorder.Recorded;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole reconciler on {@code runway.reconciler.runtime=cloudrun}: a manifest fans out to three
 * Cloud Run services through the real Admin API client, over gRPC on a loopback port.
 */
@QuarkusTest
@TestProfile(CloudRunFanOutTest.OnCloudRun.class)
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class CloudRunFanOutTest {

  public static class OnCloudRun implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(CloudRunFakeResource.class));
    }
  }

  private static final List<String> REGIONS =
      List.of("europe-west1", "us-east1", "asia-northeast1");
  private static TopicRecorder bus;
  private static EventProducer producer;

  @BeforeAll
  static void connect() {
    bus = TopicRecorder.of(TestInfrastructure.kafkaBootstrapServers(), Topics.DEPLOYMENTS);
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    bus.close();
    producer.close();
  }

  @Test
  void shouldDeployEveryRegionAsItsOwnCloudRunService() {
    producer.send(new ServiceProvisioned("cloudrun-service", 1, REGIONS, "sa@p", List.of()));
    String manifest =
        """
        apiVersion: runway/v1
        kind: RunwayService
        metadata:
          name: cloudrun-service
        spec:
          image: europe-docker.pkg.dev/runway-test/apps/cloudrun-service:v1
          container_port: 8080
          regions: [europe-west1, us-east1, asia-northeast1]
          scaling: {min_instances: 1, max_instances: 4}
        """;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                    .header("Authorization", "Bearer test-token")
                    .contentType("text/yaml")
                    .body(manifest)
                    .post("/api/v1/services/cloudrun-service/manifests/staging")
                    .statusCode(),
            status -> status == 202);

    DeploymentCompleted done =
        (DeploymentCompleted)
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () -> bus.events(e -> e.is(DeploymentCompleted.class, "cloudrun-service")),
                    l -> !l.isEmpty())
                .get(0)
                .envelope()
                .data();

    assertThat(done.deployed()).containsExactlyInAnyOrderElementsOf(REGIONS);
    assertThat(done.failed()).isEmpty();
    for (Recorded e : bus.events(r -> r.is(RegionDeployed.class, "cloudrun-service"))) {
      RegionDeployed deployed = (RegionDeployed) e.envelope().data();
      Service service =
          CloudRunFakeResource.fake.service(
              "projects/runway-test/locations/"
                  + deployed.region()
                  + "/services/cloudrun-service-staging");
      assertThat(deployed.url()).isEqualTo(service.getUri());
      assertThat(service.getTemplate().getRevision()).isEqualTo("cloudrun-service-staging-00001");
      assertThat(service.getTemplate().getContainers(0).getEnvList())
          .contains(
              EnvVar.newBuilder().setName("RUNWAY_REGION").setValue(deployed.region()).build());
      assertThat(service.getTemplate().getScaling().getMaxInstanceCount()).isEqualTo(4);
    }
    given()
        .get("/api/v1/services/cloudrun-service/status")
        .then()
        .statusCode(200)
        .body("environments[0].regions.status", equalTo(List.of("ready", "ready", "ready")));
  }
}
