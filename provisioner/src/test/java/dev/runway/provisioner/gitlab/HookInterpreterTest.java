package dev.runway.provisioner.gitlab;

import static dev.runway.provisioner.gitlab.GitlabPayloads.load;
import static dev.runway.provisioner.gitlab.GitlabPayloads.mergeRequest;
import static dev.runway.provisioner.gitlab.GitlabPayloads.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.manifest.Environment;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookInterpreterTest {

  private static final String PUSH = "Push Hook";
  private static final String MR = "Merge Request Hook";

  @Test
  void shouldApplyTheManifestsAPushToTheDefaultBranchModified() {
    HookIntent intent = HookInterpreter.interpret(PUSH, load("push"));

    assertThat(intent)
        .isEqualTo(
            new HookIntent.Apply(
                46267196,
                "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                List.of(Environment.STAGING)));
  }

  @Test
  void shouldTakeTheChangeLockOverrideFromThePushedCommitsTrailerOnly() {
    ObjectNode payload = push(7, "abc", List.of(".runway/runway-production.yml"));
    ObjectNode pushed = (ObjectNode) payload.get("commits").get(1);
    pushed.put(
        "message",
        "Ship the fix straight to production\n\nStaging is down.\n\n"
            + "runway-change-lock-override:  INC-4711, staging is down \n"
            + "Signed-off-by: A <a@example.com>\n");
    assertThat(HookInterpreter.interpret(PUSH, payload))
        .isEqualTo(
            new HookIntent.Apply(
                7, "abc", List.of(Environment.PRODUCTION), "INC-4711, staging is down"));

    // The same trailer on an earlier commit of the push is not the pushed change's
    ObjectNode earlier = push(7, "abc", List.of(".runway/runway-production.yml"));
    ((ObjectNode) earlier.get("commits").get(0))
        .put("message", "wip\n\nRunway-Change-Lock-Override: not this one\n");
    assertThat(((HookIntent.Apply) HookInterpreter.interpret(PUSH, earlier)).changeLockOverride())
        .isNull();
    // An empty trailer overrides nothing
    pushed.put("message", "fix\n\nRunway-Change-Lock-Override:\n");
    assertThat(((HookIntent.Apply) HookInterpreter.interpret(PUSH, payload)).changeLockOverride())
        .isNull();
  }

  @Test
  void shouldApplyAManifestAddedInAnyCommitOfThePush() {
    ObjectNode payload = push(7, "abc", List.of("README.md"));
    ((ArrayNode) payload.get("commits").get(0).get("added")).add(".runway/runway-production.yml");

    assertThat(HookInterpreter.interpret(PUSH, payload))
        .isEqualTo(new HookIntent.Apply(7, "abc", List.of(Environment.PRODUCTION)));
  }

  @Test
  void shouldIgnoreAPushThatTouchedNoManifest() {
    assertThat(HookInterpreter.interpret(PUSH, push(7, "abc", List.of("src/main.go"))))
        .isInstanceOf(HookIntent.Ignore.class);
  }

  @Test
  void shouldIgnoreAManifestThatWasOnlyRemoved() {
    ObjectNode payload = push(7, "abc", List.of());
    ((ArrayNode) payload.get("commits").get(1).get("removed")).add(".runway/runway-staging.yml");

    assertThat(HookInterpreter.interpret(PUSH, payload)).isInstanceOf(HookIntent.Ignore.class);
  }

  @Test
  void shouldIgnoreAManifestOfAnEnvironmentRunwayDoesNotHave() {
    assertThat(HookInterpreter.interpret(PUSH, push(7, "abc", List.of(".runway/runway-qa.yml"))))
        .isInstanceOf(HookIntent.Ignore.class);
  }

  @Test
  void shouldIgnoreAPushToAnotherBranch() {
    ObjectNode payload = push(7, "abc", List.of(".runway/runway-staging.yml"));
    payload.put("ref", "refs/heads/feature");

    HookIntent intent = HookInterpreter.interpret(PUSH, payload);

    assertThat(intent).isInstanceOf(HookIntent.Ignore.class);
    assertThat(((HookIntent.Ignore) intent).reason()).contains("refs/heads/feature", "main");
  }

  @Test
  void shouldIgnoreTheDeletionOfTheDefaultBranch() {
    ObjectNode payload = push(7, "0000000000000000000000000000000000000000", List.of());

    assertThat(HookInterpreter.interpret(PUSH, payload)).isInstanceOf(HookIntent.Ignore.class);
  }

  @Test
  void shouldReadEveryEnvironmentWhenGitLabListedOnlyPartOfThePush() {
    ObjectNode payload = push(7, "abc", List.of("src/main.go"));
    payload.put("total_commits_count", 35); // GitLab lists at most 20 commits

    assertThat(HookInterpreter.interpret(PUSH, payload))
        .isEqualTo(new HookIntent.Apply(7, "abc", Environment.ALL));
  }

  @Test
  void shouldPlanAnOpenedMergeRequestAgainstItsTargetBranch() {
    HookIntent intent = HookInterpreter.interpret(MR, mergeRequest(7, "abc", "open"));

    assertThat(intent)
        .isEqualTo(
            new HookIntent.Plan(
                7,
                7,
                "abc",
                "main",
                "https://gitlab.example.com/runway/example-service/-/merge_requests/1",
                Environment.ALL));
  }

  @Test
  void shouldPlanAReopenedMergeRequestAndOneWithNewCommits() {
    ObjectNode updated = mergeRequest(7, "def", "update");
    ((ObjectNode) updated.get("object_attributes")).put("oldrev", "abc");

    assertThat(HookInterpreter.interpret(MR, mergeRequest(7, "abc", "reopen")))
        .isInstanceOf(HookIntent.Plan.class);
    assertThat(HookInterpreter.interpret(MR, updated)).isInstanceOf(HookIntent.Plan.class);
  }

  @Test
  void shouldIgnoreAMergeRequestUpdateWithoutNewCommits() {
    assertThat(HookInterpreter.interpret(MR, mergeRequest(7, "abc", "update")))
        .isInstanceOf(HookIntent.Ignore.class);
  }

  @Test
  void shouldIgnoreClosedMergedAndApprovedMergeRequests() {
    for (String action : List.of("close", "merge", "approved", "unapproved")) {
      assertThat(HookInterpreter.interpret(MR, mergeRequest(7, "abc", action)))
          .as(action)
          .isInstanceOf(HookIntent.Ignore.class);
    }
  }

  @Test
  void shouldPlanAForkedMergeRequestFromTheSourceProjectAgainstTheTarget() {
    ObjectNode payload = mergeRequest(7, "abc", "open");
    ((ObjectNode) payload.get("object_attributes")).put("source_project_id", 99);

    HookIntent.Plan plan = (HookIntent.Plan) HookInterpreter.interpret(MR, payload);

    assertThat(plan.sourceProjectId()).isEqualTo(99);
    assertThat(plan.targetProjectId()).isEqualTo(7);
    assertThat(plan.projectId()).isEqualTo(7);
  }

  @Test
  void shouldIgnoreOtherHooksAndMismatchedPayloads() {
    assertThat(HookInterpreter.interpret("Tag Push Hook", load("push")))
        .isInstanceOf(HookIntent.Ignore.class);
    assertThat(HookInterpreter.interpret("Pipeline Hook", load("merge_request")))
        .isInstanceOf(HookIntent.Ignore.class);
    assertThat(HookInterpreter.interpret(PUSH, load("merge_request")))
        .isInstanceOf(HookIntent.Ignore.class);
  }
}
