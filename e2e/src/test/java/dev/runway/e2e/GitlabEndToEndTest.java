package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.ChangeHeld;
import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.DryRunPlanned;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.FakeGitlab;
import dev.runway.testing.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service owner works in GitLab: a push to the default branch deploys the pushed manifest to
 * every region; a merge request gets a plan and changes nothing. GitLab is a fake REST API on
 * loopback (started with the shared platform); everything else runs as under {@code ./runway up}.
 */
@ExtendWith(SharedPlatform.class)
class GitlabEndToEndTest {

  private static final String SERVICE = "example-service";
  private static final long PROJECT = 46267196;

  @Test
  void shouldDeployOnPushAndPlanOnMergeRequest(Launcher launcher, FakeGitlab gitlab)
      throws Exception {
    // Given Runway up with a GitLab webhook secret, and example-service provisioned
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      Api.provision(
          launcher, bus, Files.readString(Path.of("../examples/inventory.json")), SERVICE);
      String staging =
          Files.readString(Path.of("../examples/hello-service/.runway/runway-staging.yml"));
      String production =
          Files.readString(Path.of("../examples/hello-service/.runway/runway-production.yml"));

      // When the staging manifest is pushed to main
      String pushed = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
      gitlab.put(PROJECT, ".runway/runway-staging.yml", pushed, staging);
      assertThat(hook(launcher, "Push Hook", push(pushed, STAGING_FILE, "Deploy v1 to staging")))
          .isEqualTo(202);

      // Then every region deploys the revision read at that commit
      Api.awaitCompleted(bus, SERVICE);
      assertThat(bus.of(ManifestChanged.class, SERVICE))
          .singleElement()
          .satisfies(m -> assertThat(m.commit()).isEqualTo(pushed));
      assertThat(bus.of(RegionDeployed.class, SERVICE)).hasSize(3);

      // When a merge request proposes a production manifest
      String proposed = "f0e1d2c3b4a5968778695a4b3c2d1e0f98765432";
      gitlab.put(PROJECT, ".runway/runway-production.yml", proposed, production);
      assertThat(hook(launcher, "Merge Request Hook", mergeRequest(proposed))).isEqualTo(202);

      // Then it is planned for three regions, and nothing is deployed to production
      DryRunPlanned plan =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> bus.of(DryRunPlanned.class, SERVICE), l -> !l.isEmpty())
              .get(0);
      assertThat(plan.environment()).isEqualTo(Environment.PRODUCTION);
      assertThat(plan.reference()).endsWith("/merge_requests/1");
      assertThat(plan.regions()).hasSize(3);
      assertThat(bus.of(RegionDeployed.class, SERVICE))
          .allSatisfy(d -> assertThat(d.environment()).isEqualTo(Environment.STAGING));

      // When a production manifest whose image never ran in staging is pushed to main
      String hotfix = production.replace("example-service:v1", "example-service:v1-hotfix");
      String locked = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
      gitlab.put(PROJECT, ".runway/runway-production.yml", locked, hotfix);
      assertThat(hook(launcher, "Push Hook", push(locked, PRODUCTION_FILE, "Hotfix to production")))
          .isEqualTo(202);

      // Then the production change lock holds it, says why, and production deploys nothing
      ChangeHeld held =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> bus.of(ChangeHeld.class, SERVICE), l -> !l.isEmpty())
              .get(0);
      assertThat(held.environment()).isEqualTo(Environment.PRODUCTION);
      assertThat(held.commit()).isEqualTo(locked);
      assertThat(held.reason()).contains("example-service:v1-hotfix has not succeeded in staging");
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  bus.of(RegionDeployRequested.class, SERVICE).stream()
                      .noneMatch(d -> d.environment() == Environment.PRODUCTION));

      // When the same change is pushed again with an override and its reason in the commit
      String overridden = "1b2c3d4e5f60718293a4b5c6d7e8f90123456789";
      gitlab.put(PROJECT, ".runway/runway-production.yml", overridden, hotfix);
      String message =
          "Hotfix to production\\n\\nRunway-Change-Lock-Override: INC-4711, staging is down\\n";
      assertThat(hook(launcher, "Push Hook", push(overridden, PRODUCTION_FILE, message)))
          .isEqualTo(202);

      // Then it deploys to production, and the reason is on its ManifestChanged
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  bus.of(DeploymentCompleted.class, SERVICE).stream()
                      .anyMatch(d -> d.environment() == Environment.PRODUCTION));
      assertThat(bus.of(ManifestChanged.class, SERVICE))
          .filteredOn(m -> overridden.equals(m.commit()))
          .singleElement()
          .satisfies(
              m -> assertThat(m.changeLockOverride()).isEqualTo("INC-4711, staging is down"));
    }
  }

  private static int hook(Launcher launcher, String event, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(launcher.provisioner() + "/webhooks/gitlab"))
                .header("Content-Type", "application/json")
                .header("X-Gitlab-Event", event)
                .header("X-Gitlab-Token", SharedPlatform.WEBHOOK_SECRET)
                .header("X-Gitlab-Event-UUID", UUID.randomUUID().toString())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static final String STAGING_FILE = ".runway/runway-staging.yml";
  private static final String PRODUCTION_FILE = ".runway/runway-production.yml";

  /** A push of one commit that modified {@code file}; {@code message} JSON-escaped. */
  private static String push(String commit, String file, String message) {
    return """
        {"object_kind":"push","event_name":"push","before":"95790bf891e76fee5e1747ab589903a6a1f80f22",
         "after":"%s","ref":"refs/heads/main","checkout_sha":"%s","user_username":"jsmith",
         "project_id":%d,"project":{"id":%d,"path_with_namespace":"runway/example-service","default_branch":"main"},
         "commits":[{"id":"%s","message":"%s","added":[],"modified":["%s"],"removed":[]}],
         "total_commits_count":1}
        """
        .formatted(commit, commit, PROJECT, PROJECT, commit, message, file);
  }

  private static String mergeRequest(String commit) {
    return """
        {"object_kind":"merge_request","event_type":"merge_request","user":{"username":"root"},
         "project":{"id":%d,"path_with_namespace":"runway/example-service","default_branch":"main"},
         "object_attributes":{"iid":1,"action":"open","state":"opened","target_branch":"main",
          "source_branch":"production-v1","source_project_id":%d,"target_project_id":%d,
          "url":"https://gitlab.example.com/runway/example-service/-/merge_requests/1",
          "last_commit":{"id":"%s"}}}
        """
        .formatted(PROJECT, PROJECT, PROJECT, commit);
  }
}
