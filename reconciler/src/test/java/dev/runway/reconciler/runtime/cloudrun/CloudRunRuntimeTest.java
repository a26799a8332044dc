package dev.runway.reconciler.runtime.cloudrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.reconciler.runtime.DeployFailed;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RunningRevision;
import dev.runway.testing.cloudrun.FakeCloudRun;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Cloud Run runtime through the real Admin API client, against the fake over in-process gRPC.
 */
class CloudRunRuntimeTest {

  private static final String PROJECT = "runway-test";
  private static final Placement EUROPE =
      new Placement("hello", Environment.PRODUCTION, "europe-west1");
  private static final Placement STAGING = new Placement("hello", Environment.STAGING, "us-east1");

  private FakeCloudRun cloudRun;
  private ManagedChannel channel;
  private ServicesClient client;
  private CloudRunRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    cloudRun = new FakeCloudRun().start();
    channel = InProcessChannelBuilder.forName(cloudRun.serverName()).build();
    client =
        CloudRunClients.create(
            ServicesSettings.newBuilder()
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setTransportChannelProvider(
                    FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel))),
            Duration.ofMillis(10),
            Duration.ofSeconds(10));
    runtime = new CloudRunRuntime(client, PROJECT, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    runtime.close();
    channel.shutdownNow();
    cloudRun.close();
  }

  private static Revision revision(String service, int sequence, String image) {
    return new Revision(
        service + "-" + String.format("%05d", sequence),
        sequence,
        image,
        8080,
        Map.of("MODEL", "small"),
        new RunwayManifest.Resources("2", "1Gi"),
        new RunwayManifest.Scaling(1, 5),
        "/healthz",
        List.of(),
        "hash" + sequence);
  }

  private static Revision production(int sequence) {
    return revision("hello-production", sequence, "europe-docker.pkg.dev/p/hello:" + sequence);
  }

  private Service stored(Placement placement) {
    return cloudRun.service(
        "projects/"
            + PROJECT
            + "/locations/"
            + placement.region()
            + "/services/"
            + CloudRunRuntime.serviceId(placement));
  }

  @Test
  void shouldCreateTheRegionsServiceFromTheRevisionAndAwaitTheOperation() throws Exception {
    cloudRun.pollsUntilDone(3);

    RunningRevision running = runtime.deploy(EUROPE, production(1));

    Service service = stored(EUROPE);
    assertThat(running.revision()).isEqualTo("hello-production-00001");
    assertThat(running.url()).isEqualTo(service.getUri()).startsWith("https://hello-");
    var template = service.getTemplate();
    assertThat(template.getRevision()).isEqualTo("hello-production-00001");
    assertThat(template.getScaling().getMinInstanceCount()).isEqualTo(1);
    assertThat(template.getScaling().getMaxInstanceCount()).isEqualTo(5);
    var container = template.getContainers(0);
    assertThat(container.getImage()).isEqualTo("europe-docker.pkg.dev/p/hello:1");
    assertThat(container.getPorts(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getResources().getLimitsMap())
        .containsEntry("cpu", "2")
        .containsEntry("memory", "1Gi");
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(
            container.getEnvList().stream()
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue)))
        .containsEntry("RUNWAY_REGION", "europe-west1")
        .containsEntry("RUNWAY_REVISION", "hello-production-00001")
        .containsEntry("MODEL", "small");
    assertThat(runtime.traffic(EUROPE)).containsExactly(Map.entry("hello-production-00001", 100));
    assertThat(cloudRun.calls("GetOperation"))
        .as("the operation was polled until done")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldNameTheServiceAfterTheEnvironmentOutsideProduction() throws Exception {
    runtime.deploy(STAGING, revision("hello-staging", 1, "hello:1"));

    assertThat(stored(STAGING).getName())
        .isEqualTo("projects/runway-test/locations/us-east1/services/hello-staging");
  }

  @Test
  void shouldDeployANewRevisionWithoutTrafficAndSplitItWhenRouted() throws Exception {
    runtime.deploy(EUROPE, production(1));

    runtime.deploy(EUROPE, production(2));

    assertThat(runtime.traffic(EUROPE)).containsExactly(Map.entry("hello-production-00001", 100));
    runtime.route(EUROPE, Map.of("hello-production-00001", 75, "hello-production-00002", 25));
    assertThat(runtime.traffic(EUROPE))
        .containsOnly(
            Map.entry("hello-production-00001", 75), Map.entry("hello-production-00002", 25));
    assertThat(runtime.running(EUROPE))
        .extracting(RunningRevision::revision)
        .containsExactly("hello-production-00001", "hello-production-00002");
    runtime.route(EUROPE, Map.of("hello-production-00002", 100, "hello-production-00001", 0));
    assertThat(runtime.traffic(EUROPE)).containsExactly(Map.entry("hello-production-00002", 100));
  }

  @Test
  void shouldAdoptARevisionCloudRunAlreadyServesWithoutChangingAnything() throws Exception {
    runtime.deploy(EUROPE, production(1));
    int before = cloudRun.mutations();

    RunningRevision again = runtime.deploy(EUROPE, production(1));

    assertThat(again.revision()).isEqualTo("hello-production-00001");
    assertThat(cloudRun.mutations()).isEqualTo(before);
  }

  @Test
  void shouldFailTheRegionWithCloudRunsReasonWhenTheRevisionNeverBecomesReady() throws Exception {
    runtime.deploy(EUROPE, production(1));

    DeployFailed failed =
        catchThrowableOfType(
            DeployFailed.class,
            () ->
                runtime.deploy(
                    EUROPE,
                    revision("hello-production", 2, "hello:" + FakeCloudRun.MISSING_IMAGE)));

    assertThat(failed)
        .hasMessageContaining("hello-production-00002")
        .hasMessageContaining("not found");
    assertThat(runtime.traffic(EUROPE)).containsExactly(Map.entry("hello-production-00001", 100));
  }

  @Test
  void shouldRefuseToRouteToARevisionThatDoesNotRun() throws Exception {
    runtime.deploy(EUROPE, production(1));

    DeployFailed failed =
        catchThrowableOfType(
            DeployFailed.class, () -> runtime.route(EUROPE, Map.of("hello-production-00009", 100)));

    assertThat(failed)
        .hasMessageContaining("FAILED_PRECONDITION")
        .hasMessageContaining("hello-production-00009");
    assertThat(runtime.traffic(EUROPE)).containsExactly(Map.entry("hello-production-00001", 100));
  }

  @Test
  void shouldDeleteTheServiceOnRemoveAndTolerateItBeingGone() throws Exception {
    runtime.deploy(EUROPE, production(1));

    runtime.remove(EUROPE);
    runtime.remove(EUROPE);

    assertThat(stored(EUROPE)).isNull();
    assertThat(runtime.running(EUROPE)).isEmpty();
    assertThat(runtime.traffic(EUROPE)).isEmpty();
  }
}
