package dev.runway.provisioner.gitlab;

import static dev.runway.provisioner.gitlab.FakeGitlabResource.gitlab;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.events.DryRunRequested;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.events.Topics;
import dev.runway.common.manifest.Environment;
import dev.runway.provisioner.ProvisionerTestBase;
import dev.runway.testing.FakeGitlab;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitLab webhooks as GitLab sends them (its documented payloads and headers), with manifests read
 * from a fake GitLab REST API through the real REST client, and events read from the real bus.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeGitlabResource.class, scope = TestResourceScope.GLOBAL)
class GitlabWebhookTest extends ProvisionerTestBase {

  private static final long PROJECT = 777001;
  private static final String SECRET = "test-gitlab-secret";
  private static final String STAGING = ".runway/runway-staging.yml";
  private static final String PRODUCTION = ".runway/runway-production.yml";
  private static TopicRecorder manifests;

  @BeforeAll
  static void recordManifests() {
    manifests = TopicRecorder.of(TestInfrastructure.kafkaBootstrapServers(), Topics.MANIFESTS);
  }

  @AfterAll
  static void stopRecordingManifests() {
    manifests.close();
  }

  /**
   * Re-posting the same inventory changes nothing; taking the service out between tests would race
   * its asynchronous decommissioning against the next test's re-adding.
   */
  @BeforeEach
  void listTheServiceInTheInventory() {
    postInventory(
            inventory(
                "{\"name\":\"gitlab-service\",\"project_id\":"
                    + PROJECT
                    + ",\"regions\":[\"europe-west1\",\"us-east1\"]}"))
        .statusCode(200);
  }

  private static String manifest(String image, String port) {
    return """
        apiVersion: runway/v1
        kind: RunwayService
        metadata:
          name: gitlab-service
        spec:
          image: %s
          container_port: %s
          regions: [europe-west1, us-east1]
        """
        .formatted(image, port);
  }

  private static String commit() {
    return UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
  }

  private static Response deliver(String event, ObjectNode payload, Map<String, String> headers) {
    var request =
        given()
            .contentType("application/json")
            .header("X-Gitlab-Event", event)
            .header("X-Gitlab-Instance", "https://gitlab.example.com")
            .header("X-Gitlab-Webhook-UUID", "8e9ad2b4-1f5e-4a61-9d63-5b6a6c8f0d11")
            .header("User-Agent", "GitLab/18.6.0")
            .headers(headers)
            .body(payload.toString());
    return request.post("/webhooks/gitlab");
  }

  private static Response deliver(String event, ObjectNode payload, String idempotencyKey) {
    return deliver(
        event,
        payload,
        Map.of(
            "X-Gitlab-Token", SECRET,
            "X-Gitlab-Event-UUID", UUID.randomUUID().toString(),
            "Idempotency-Key", idempotencyKey));
  }

  private static List<ManifestChanged> changesAt(String commit) {
    return manifests.events(e -> e.is(ManifestChanged.class, "gitlab-service")).stream()
        .map(e -> (ManifestChanged) e.envelope().data())
        .filter(m -> commit.equals(m.commit()))
        .toList();
  }

  private static Map<String, Object> delivery(String idempotencyKey) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                    .get("/api/v1/gitlab/deliveries?limit=500")
                    .jsonPath()
                    .<Map<String, Object>>getList("$")
                    .stream()
                    .filter(d -> ("idempotency-key:" + idempotencyKey).equals(d.get("delivery")))
                    .findFirst()
                    .orElse(Map.of()),
            d -> d.containsKey("state") && !"pending".equals(d.get("state")));
  }

  @Test
  void shouldReadThePushedManifestAtTheCommitAndPublishManifestChanged() {
    String commit = commit();
    gitlab.put(
        PROJECT, STAGING, commit, manifest("registry.example.com/gitlab-service:v2", "8080"));

    deliver(
            HookInterpreter.PUSH_HOOK,
            GitlabPayloads.push(PROJECT, commit, List.of(STAGING)),
            UUID.randomUUID().toString())
        .then()
        .statusCode(202)
        .body("status", equalTo("accepted"));

    ManifestChanged changed =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> changesAt(commit), l -> !l.isEmpty())
            .get(0);
    assertThat(changed.environment()).isEqualTo(Environment.STAGING);
    assertThat(changed.origin()).isEqualTo(Origin.gitlab);
    assertThat(changed.manifest().spec().image())
        .isEqualTo("registry.example.com/gitlab-service:v2");
    assertThat(gitlab.requests())
        .contains(new FakeGitlab.Request(PROJECT, STAGING, commit, 200))
        .noneMatch(r -> r.ref().equals(commit) && r.file().equals(PRODUCTION));
  }

  @Test
  void shouldPublishOnceForADeliveryGitLabRetries() {
    String commit = commit();
    String key = UUID.randomUUID().toString();
    gitlab.put(
        PROJECT, STAGING, commit, manifest("registry.example.com/gitlab-service:v3", "8080"));
    ObjectNode push = GitlabPayloads.push(PROJECT, commit, List.of(STAGING));

    deliver(HookInterpreter.PUSH_HOOK, push, key)
        .then()
        .statusCode(202)
        .body("status", equalTo("accepted"));
    deliver(HookInterpreter.PUSH_HOOK, push, key)
        .then()
        .statusCode(202)
        .body("status", equalTo("duplicate"));

    assertThat(delivery(key)).containsEntry("state", "done").containsEntry("attempts", 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> changesAt(commit), l -> !l.isEmpty());
    assertThat(changesAt(commit)).hasSize(1);
  }

  @Test
  void shouldRefuseAWrongOrMissingTokenAndRecordNothing() {
    String key = UUID.randomUUID().toString();
    ObjectNode push = GitlabPayloads.push(PROJECT, commit(), List.of(STAGING));

    deliver(
            HookInterpreter.PUSH_HOOK,
            push,
            Map.of("X-Gitlab-Token", "guess", "Idempotency-Key", key))
        .then()
        .statusCode(401);
    deliver(HookInterpreter.PUSH_HOOK, push, Map.of("Idempotency-Key", key)).then().statusCode(401);

    assertThat(given().get("/api/v1/gitlab/deliveries?limit=500").jsonPath().getList("delivery"))
        .doesNotContain("idempotency-key:" + key);
  }

  @Test
  void shouldAnswerBeforeReadingFromGitLab() {
    String commit = commit();
    gitlab.put(
        PROJECT, STAGING, commit, manifest("registry.example.com/gitlab-service:v4", "8080"));
    gitlab.hold();
    try {
      deliver(
              HookInterpreter.PUSH_HOOK,
              GitlabPayloads.push(PROJECT, commit, List.of(STAGING)),
              UUID.randomUUID().toString())
          .then()
          .statusCode(202);

      assertThat(gitlab.requests()).noneMatch(r -> r.ref().equals(commit));
      assertThat(changesAt(commit)).isEmpty();
    } finally {
      gitlab.release();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> changesAt(commit), l -> !l.isEmpty());
  }

  @Test
  void shouldRetryWhileGitLabIsUnavailable() {
    String commit = commit();
    String key = UUID.randomUUID().toString();
    gitlab.put(
        PROJECT, STAGING, commit, manifest("registry.example.com/gitlab-service:v5", "8080"));
    gitlab.unavailableFor(2);

    deliver(HookInterpreter.PUSH_HOOK, GitlabPayloads.push(PROJECT, commit, List.of(STAGING)), key)
        .then()
        .statusCode(202);

    assertThat(delivery(key)).containsEntry("state", "done").containsEntry("attempts", 3);
    // The event leaves through the outbox relay after the delivery's transaction commits.
    await().atMost(Duration.ofSeconds(10)).until(() -> changesAt(commit), l -> !l.isEmpty());
    assertThat(changesAt(commit)).hasSize(1);
  }

  @Test
  void shouldRequestADryRunForAMergeRequestThatChangesAManifest() {
    String commit = commit();
    gitlab.put(
        PROJECT, PRODUCTION, "main", manifest("registry.example.com/gitlab-service:v1", "8080"));
    gitlab.put(
        PROJECT, PRODUCTION, commit, manifest("registry.example.com/gitlab-service:v6", "8080"));
    gitlab.put(
        PROJECT, STAGING, "main", manifest("registry.example.com/gitlab-service:v1", "8080"));
    gitlab.put(
        PROJECT, STAGING, commit, manifest("registry.example.com/gitlab-service:v1", "8080"));

    deliver(
            HookInterpreter.MERGE_REQUEST_HOOK,
            GitlabPayloads.mergeRequest(PROJECT, commit, "open"),
            UUID.randomUUID().toString())
        .then()
        .statusCode(202);

    DryRunRequested dryRun =
        (DryRunRequested)
            await()
                .atMost(Duration.ofSeconds(20))
                .until(
                    () ->
                        manifests.events(
                            e ->
                                e.is(DryRunRequested.class, "gitlab-service")
                                    && ((DryRunRequested) e.envelope().data())
                                        .manifest()
                                        .spec()
                                        .image()
                                        .endsWith(":v6")),
                    l -> !l.isEmpty())
                .get(0)
                .envelope()
                .data();
    assertThat(dryRun.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(dryRun.reference())
        .isEqualTo("https://gitlab.example.com/runway/example-service/-/merge_requests/1");
    assertThat(dryRun.origin()).isEqualTo(Origin.gitlab);
    assertThat(changesAt(commit)).as("a merge request applies nothing").isEmpty();
  }

  @Test
  void shouldRefuseAnInvalidPushedManifestWithFileLineAndColumn() {
    String commit = commit();
    String key = UUID.randomUUID().toString();
    gitlab.put(PROJECT, STAGING, commit, manifest("registry.example.com/gitlab-service:v7", "0"));

    deliver(HookInterpreter.PUSH_HOOK, GitlabPayloads.push(PROJECT, commit, List.of(STAGING)), key)
        .then()
        .statusCode(202);

    assertThat(delivery(key))
        .containsEntry("state", "failed")
        .extractingByKey("outcome")
        .asString()
        .contains(".runway/runway-staging.yml:7:")
        .contains("container_port");
    assertThat(changesAt(commit)).isEmpty();
  }

  @Test
  void shouldAcceptAndIgnoreHooksRunwayDoesNotActOn() {
    String key = UUID.randomUUID().toString();

    deliver("Issue Hook", GitlabPayloads.load("merge_request"), key).then().statusCode(202);

    assertThat(delivery(key)).containsEntry("state", "ignored");
  }

  @Test
  void shouldRefuseABodyThatIsNotJson() {
    given()
        .header("X-Gitlab-Token", SECRET)
        .header("X-Gitlab-Event", HookInterpreter.PUSH_HOOK)
        .contentType("application/json")
        .body("{not json")
        .post("/webhooks/gitlab")
        .then()
        .statusCode(400)
        .body("title", equalTo("The body is not JSON"));
  }
}
