package dev.runway.provisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.events.ProvisionedResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformModuleTest {

  private final TerraformModule module =
      TerraformModule.of(
          new ServiceSpec("example-service", 46267196, List.of("europe-west1", "us-east1")),
          "proj");

  @Test
  void shouldDescribeOneCloudRunServiceAndNegPerRegionBehindOneBackend() {
    JsonNode resource = module.json().path("resource");

    assertThat(resource.path("google_cloud_run_v2_service").size()).isEqualTo(2);
    assertThat(
            resource
                .path("google_cloud_run_v2_service")
                .path("example-service-us-east1")
                .path("location")
                .asText())
        .isEqualTo("us-east1");
    assertThat(resource.path("google_compute_region_network_endpoint_group").size()).isEqualTo(2);
    assertThat(
            resource
                .path("google_compute_backend_service")
                .path("example-service")
                .path("backend")
                .size())
        .isEqualTo(2);
  }

  @Test
  void shouldInjectTheRegionIntoEveryService() {
    JsonNode env =
        module
            .json()
            .at(
                "/resource/google_cloud_run_v2_service/example-service-europe-west1/template/containers/0/env/0");

    assertThat(env.path("name").asText()).isEqualTo("RUNWAY_REGION");
    assertThat(env.path("value").asText()).isEqualTo("europe-west1");
  }

  @Test
  void shouldGrantTheRuntimeIdentityOnlyTelemetryRoles() {
    List<String> roles =
        module.json().path("resource").path("google_project_iam_member").findValuesAsText("role");

    assertThat(roles)
        .containsExactlyInAnyOrder(
            "roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/cloudtrace.agent");
    assertThat(module.serviceAccountEmail())
        .isEqualTo("crun-example-service@proj.iam.gserviceaccount.com");
  }

  @Test
  void shouldListEveryResourceItDescribes() {
    assertThat(module.resources())
        .contains(
            new ProvisionedResource("google_service_account", "crun-example-service", "global"),
            new ProvisionedResource(
                "google_cloud_run_v2_service", "example-service", "europe-west1"),
            new ProvisionedResource("google_compute_backend_service", "example-service", "global"))
        .hasSize(1 + 3 + 2 * 3 + 1);
  }

  @Test
  void shouldKeepAccountIdsWithinTheirLimitWithoutCollisions() {
    String a = TerraformModule.accountId("a-very-long-service-name-that-goes-on-one");
    String b = TerraformModule.accountId("a-very-long-service-name-that-goes-on-two");

    assertThat(a).hasSizeBetween(6, 30).startsWith("crun-").isNotEqualTo(b);
    assertThat(b).hasSizeBetween(6, 30);
    assertThat(TerraformModule.accountId("short")).isEqualTo("crun-short");
  }
}
