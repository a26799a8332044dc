package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.RollbackFailed;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.RolloutStarted;
import dev.runway.common.events.Severity;
import dev.runway.common.events.Sli;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.Topics;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.events.WindowEvidence;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.EventProducer;
import dev.runway.testing.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A healthy revision rolled out by the guard with two replicas of every control-plane service, the
 * first replica of each killed (SIGKILL) in the middle of the rollout; promoted to production; and
 * an operator's rollback there, beside the second replicas still running, that a duplicate and a
 * late breach do not disturb. Every service its own process on real Kafka and PostgreSQL, traffic
 * through the gateway.
 */
@ExtendWith(SharedPlatform.class)
class RolloutEndToEndTest {

  /** The example service under a name of its own, so it shares the platform with other tests. */
  private static final String SERVICE = "rollout-service";

  private static final String V2 = SERVICE + "-staging-00002";
  private static final String PROD_V2 = SERVICE + "-production-00002";
  private static final List<String> CONTROL_PLANE =
      List.of("provisioner", "reconciler", "observability", "rollout-guard");

  @Test
  void aHealthyRolloutSurvivesLosingAReplicaOfEveryServiceIsPromotedAndAnOperatorRollbackHolds(
      Launcher launcher) throws Exception {
    // Given the platform judging fifty times faster than real time, the example service running v1
    // in staging and production, and steady traffic to staging from clients near each region
    Process traffic = null;
    Launcher.Replicas replicas = null;
    long started = System.currentTimeMillis();
    ExampleService example = new ExampleService(launcher, SERVICE);
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      // and a second replica of every control-plane service beside the platform's own (starting
      // while v1 deploys)
      replicas = launcher.replicas(CONTROL_PLANE);
      Api.provision(launcher, bus, Api.inventory(SERVICE), SERVICE);
      example.applyFirst(example.manifest("runway-staging.yml"), "staging");
      // (production's first v1 goes past the change lock, staging's rollout of v1 being the
      // subject of other tests; the reason stays on its ManifestChanged)
      example.apply(
          example.manifest("runway-production.yml"),
          "production",
          "--override-change-lock",
          "e2e: production v1 beside staging's first rollout");
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> bus.of(RegionDeployed.class, SERVICE).size() >= 6);
      assertThat(bus.of(ManifestChanged.class, SERVICE))
          .filteredOn(m -> m.environment() == Environment.PRODUCTION)
          .first()
          .satisfies(
              m ->
                  assertThat(m.changeLockOverride())
                      .isEqualTo("e2e: production v1 beside staging's first rollout"));
      revisionsGetNothingOfThePlatformsEnvironment(launcher);
      traffic = example.traffic();
      // and v1 judged healthy everywhere: its cold start is behind it, not overlapping v2's
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> example.healthyEverywhere(bus, SERVICE + "-staging-00001"));

      replicas.awaitUp(Duration.ofMinutes(3));

      // When a healthy v2 is applied to staging
      example.apply(
          example.manifest(
              "runway-staging-v2.yml", "HELLO_ERROR_RATE: \"0.15\"", "HELLO_ERROR_RATE: \"0\""),
          "staging");
      // and the first replica of every service is killed (SIGKILL) once the first step took
      // effect (the supervisor starts each again)
      await().atMost(Duration.ofSeconds(120)).until(() -> weightOfV2(bus) > 0);
      Map<String, Long> killed = new HashMap<>();
      for (String service : CONTROL_PLANE) {
        killed.put(service, launcher.pid(service));
      }
      killed
          .values()
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

      // Then the second replicas carry the rollout on and it finishes: every region at 100% on v2
      JsonNode rollout =
          await()
              .atMost(Duration.ofSeconds(240))
              .ignoreExceptions()
              .until(
                  () -> example.rollout(V2),
                  r -> r != null && "SUCCEEDED".equals(r.path("status").asText()));
      for (JsonNode region : rollout.path("regions")) {
        assertThat(region.path("phase").asText()).isEqualTo("DONE");
        assertThat(region.path("percent").asInt()).isEqualTo(100);
      }
      assertThat(example.distinct(bus, RolloutStarted.class))
          .filteredOn(r -> r.revision().equals(V2))
          .as("one rollout of v2, not a second one after the crash")
          .hasSize(1);
      assertThat(example.distinct(bus, RegionDeployed.class))
          .filteredOn(d -> d.revision().equals(V2))
          .as("one deployment of v2 per region")
          .extracting(RegionDeployed::region)
          .containsExactlyInAnyOrder("europe-west1", "us-east1", "us-west1");
      // each region went 25 -> 50 -> 100, never back (a step whose answer was lost across the
      // crash may be asked again at the same share)
      Map<String, Integer> last = new HashMap<>();
      for (TrafficShiftRequested step : example.distinct(bus, TrafficShiftRequested.class)) {
        if (step.revision().equals(V2)) {
          assertThat(step.percent()).isGreaterThanOrEqualTo(last.getOrDefault(step.region(), 0));
          last.put(step.region(), step.percent());
        }
      }
      assertThat(last)
          .containsOnly(
              Map.entry("europe-west1", 100),
              Map.entry("us-east1", 100),
              Map.entry("us-west1", 100));
      assertThat(bus.of(RollbackRequested.class, SERVICE)).as("no rollback").isEmpty();
      assertThat(bus.all())
          .filteredOn(r -> r.topic().equals(Topics.DEAD_LETTER) && r.timestamp() >= started)
          .as("nothing dead-lettered")
          .isEmpty();
      for (Map.Entry<String, Long> first : killed.entrySet()) {
        launcher.awaitRestart(first.getKey(), first.getValue(), Duration.ofMinutes(3));
      }

      // And runwayctl status shows it as the services answer it, in the fields their documents
      // name (so the CLI and the documents read one shape)
      showsTheRolloutInTheDocumentedShape(launcher);

      // And staging's approval promotes the same image to production, which rolls out guarded
      assertThat(bus.of(PromotionApproved.class, SERVICE))
          .extracting(PromotionApproved::revision)
          .contains(V2);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  bus.of(ManifestChanged.class, SERVICE).stream()
                      .anyMatch(
                          m ->
                              m.origin() == Origin.promotion
                                  && m.manifest().spec().image().endsWith(":v2")));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                JsonNode production = example.rollout(PROD_V2);
                return production != null
                    && production.path("regions").findValuesAsText("phase").contains("BAKING");
              });

      // When an operator rolls production's us-east1 back
      Launcher.Run rollback =
          launcher.run(
              Duration.ofMinutes(1),
              "rollback",
              SERVICE,
              "--env",
              "production",
              "--region",
              "us-east1");
      assertThat(rollback.exitCode()).as(rollback.output()).isZero();
      RolledBack rolledBack =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> bus.of(RolledBack.class, SERVICE), l -> !l.isEmpty())
              .get(0);
      assertThat(rolledBack.region()).isEqualTo("us-east1");
      assertThat(rolledBack.toRevision()).isEqualTo(SERVICE + "-production-00001");

      // and a breach of the rolled-back revision there arrives, twice and late
      SloBreached breach =
          new SloBreached(
              SERVICE,
              Environment.PRODUCTION,
              "us-east1",
              PROD_V2,
              Sli.AVAILABILITY,
              99.9,
              "page-1h-5m",
              Severity.page,
              20.0,
              List.of(new WindowEvidence("1h", 72, 900, 20, 22.2)),
              0.5,
              null,
              Instant.now());
      try (EventProducer producer = new EventProducer(launcher.kafka())) {
        producer.send(breach);
        producer.send(breach);
      }

      // Then nothing changes: one rollback in production, nothing failed, us-east1 stays on v1
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(8))
          .untilAsserted(
              () -> {
                assertThat(Set.copyOf(bus.ids(RollbackRequested.class, SERVICE)))
                    .as("one rollback: %s", bus.of(RollbackRequested.class, SERVICE))
                    .hasSize(1);
                assertThat(bus.of(RollbackFailed.class, SERVICE)).as("nothing failed").isEmpty();
              });
      JsonNode production = example.rollout(PROD_V2);
      assertThat(production.path("regions").findValuesAsText("phase").get(1))
          .isEqualTo("ROLLED_BACK");
      TrafficShifted east =
          example.distinct(bus, TrafficShifted.class).stream()
              .filter(
                  t -> t.environment() == Environment.PRODUCTION && t.region().equals("us-east1"))
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(east.weights()).containsEntry(SERVICE + "-production-00001", 100);
    } finally {
      if (traffic != null) {
        traffic.destroy();
        traffic.waitFor();
      }
      if (replicas != null) {
        replicas.stop();
      }
    }
  }

  /**
   * A live revision's environment, as the kernel holds it, is the manifest's {@code env}, {@code
   * PORT}, the four documented {@code RUNWAY_*} variables and the local runtime's mark ({@code
   * RUNWAY_LOCAL_RUNTIME}, its state directory): none of the reconciler's own (its database
   * password, the platform's token, the broker's address) reaches a service owner's code.
   */
  private static void revisionsGetNothingOfThePlatformsEnvironment(Launcher launcher)
      throws Exception {
    Map<String, String> reconciler = Environ.of(launcher.pid("reconciler"));
    assertThat(reconciler).containsKeys("RUNWAY_AUTH_TOKEN", "QUARKUS_DATASOURCE_PASSWORD");
    Map<String, String> revision =
        Environ.of(
            Environ.revisionPid(
                launcher, SERVICE, "staging", "us-east1", SERVICE + "-staging-00001"));
    assertThat(revision.keySet())
        .containsExactlyInAnyOrder(
            "MODEL",
            "PORT",
            "RUNWAY_ENVIRONMENT",
            "RUNWAY_LOCAL_RUNTIME",
            "RUNWAY_REGION",
            "RUNWAY_REVISION",
            "RUNWAY_SERVICE");
    assertThat(revision)
        .containsEntry("MODEL", "code-gecko")
        .containsEntry("RUNWAY_REGION", "us-east1");
    assertThat(revision.values())
        .as("no value of the reconciler's own variables")
        .doesNotContain(
            reconciler.get("RUNWAY_AUTH_TOKEN"), reconciler.get("QUARKUS_DATASOURCE_PASSWORD"));
  }

  /** v2's share of any staging region's traffic, as last shifted. */
  private static int weightOfV2(TopicRecorder bus) {
    return bus.of(TrafficShifted.class, SERVICE).stream()
        .filter(t -> t.environment() == Environment.STAGING)
        .mapToInt(t -> t.weights().getOrDefault(V2, 0))
        .max()
        .orElse(0);
  }

  private static void showsTheRolloutInTheDocumentedShape(Launcher launcher) throws Exception {
    assertThat(Api.undocumented(launcher.guard(), "/api/v1/rollouts/{service}", SERVICE)).isEmpty();
    assertThat(Api.undocumented(launcher.reconciler(), "/api/v1/services/{name}/status", SERVICE))
        .isEmpty();
    assertThat(Api.undocumented(launcher.observability(), "/api/v1/slo/{service}", SERVICE))
        .isEmpty();
    assertThat(Api.undocumented(launcher.provisioner(), "/api/v1/services/{name}", SERVICE))
        .isEmpty();
    Launcher.Run status = launcher.run(Duration.ofMinutes(1), "status", SERVICE);
    assertThat(status.exitCode()).as(status.output()).isZero();
    for (String region : List.of("europe-west1", "us-east1", "us-west1")) {
      // the reconciler's row (revision and URL) and the guard's (phase, share, verdict)
      assertThat(status.output())
          .as(status.output())
          .containsPattern("staging\\s+" + region + "\\s+" + V2 + "\\s+\\S+\\s+http")
          .containsPattern(region + "\\s+\\d+\\s+DONE\\s+\\S+\\s+100%");
    }
    assertThat(status.output())
        .containsPattern("Rollout of " + V2 + " in staging: \\S+, SUCCEEDED");
  }
}
