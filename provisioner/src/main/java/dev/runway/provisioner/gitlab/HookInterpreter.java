package dev.runway.provisioner.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.manifest.Environment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads GitLab's documented push and merge-request hook payloads into what Runway should do. Pure:
 * the same delivery always means the same thing, so a retried delivery is judged alike.
 */
public final class HookInterpreter {

  static final String PUSH_HOOK = "Push Hook";
  static final String MERGE_REQUEST_HOOK = "Merge Request Hook";
  private static final String NO_COMMIT = "0000000000000000000000000000000000000000";
  private static final Set<String> PLANNED_ACTIONS = Set.of("open", "reopen", "update");
  private static final java.util.regex.Pattern OVERRIDE_TRAILER =
      java.util.regex.Pattern.compile(
          "Runway-Change-Lock-Override:(.*)", java.util.regex.Pattern.CASE_INSENSITIVE);

  private HookInterpreter() {}

  /**
   * @param event the {@code X-Gitlab-Event} header
   * @param payload the body
   */
  public static HookIntent interpret(String event, JsonNode payload) {
    if (PUSH_HOOK.equals(event) && "push".equals(payload.path("object_kind").asText())) {
      return push(payload);
    }
    if (MERGE_REQUEST_HOOK.equals(event)
        && "merge_request".equals(payload.path("object_kind").asText())) {
      return mergeRequest(payload);
    }
    return new HookIntent.Ignore("Runway acts on push and merge request hooks, not " + event);
  }

  private static HookIntent push(JsonNode payload) {
    String defaultBranch = payload.path("project").path("default_branch").asText();
    String ref = payload.path("ref").asText();
    if (!ref.equals("refs/heads/" + defaultBranch)) {
      return new HookIntent.Ignore(
          "push to " + ref + ", not to the default branch " + defaultBranch);
    }
    String after = payload.path("after").asText();
    if (after.isEmpty() || after.equals(NO_COMMIT)) {
      return new HookIntent.Ignore("the default branch was deleted");
    }
    JsonNode commits = payload.path("commits");
    // GitLab lists at most 20 commits per push; beyond that, which files changed is unknown,
    // so every environment's manifest is read and an unchanged one makes no new revision.
    if (payload.path("total_commits_count").asInt(commits.size()) > commits.size()) {
      return new HookIntent.Apply(
          projectId(payload), after, Environment.ALL, override(commits, after));
    }
    Set<String> touched = new LinkedHashSet<>();
    for (JsonNode commit : commits) {
      for (String list : List.of("added", "modified")) {
        commit.path(list).forEach(path -> touched.add(path.asText()));
      }
    }
    List<Environment> environments =
        Environment.ALL.stream().filter(e -> touched.contains(e.manifestPath())).toList();
    if (environments.isEmpty()) {
      return new HookIntent.Ignore("the push touched no manifest under .runway/");
    }
    return new HookIntent.Apply(projectId(payload), after, environments, override(commits, after));
  }

  /**
   * The reason in the pushed commit's {@code Runway-Change-Lock-Override:} trailer, the git way of
   * saying it in the change itself (like {@code Signed-off-by:}); only the commit whose manifest is
   * read counts, not an earlier one of the same push. Null for none.
   */
  static String override(JsonNode commits, String after) {
    for (JsonNode commit : commits) {
      if (!commit.path("id").asText().equals(after)) {
        continue;
      }
      for (String line : commit.path("message").asText("").split("\\R")) {
        java.util.regex.Matcher trailer = OVERRIDE_TRAILER.matcher(line.strip());
        if (trailer.matches() && !trailer.group(1).isBlank()) {
          return trailer.group(1).strip();
        }
      }
    }
    return null;
  }

  private static HookIntent mergeRequest(JsonNode payload) {
    JsonNode attributes = payload.path("object_attributes");
    String action = attributes.path("action").asText();
    if (!PLANNED_ACTIONS.contains(action)) {
      return new HookIntent.Ignore("merge request " + action + ": nothing new to plan");
    }
    if ("update".equals(action) && !attributes.hasNonNull("oldrev")) {
      // An update without oldrev changed the title, labels or the like, not the code.
      return new HookIntent.Ignore("merge request updated without new commits");
    }
    String commit = attributes.path("last_commit").path("id").asText();
    if (commit.isEmpty()) {
      return new HookIntent.Ignore("merge request without a last commit");
    }
    return new HookIntent.Plan(
        attributes.path("target_project_id").asLong(projectId(payload)),
        attributes.path("source_project_id").asLong(projectId(payload)),
        commit,
        attributes.path("target_branch").asText(),
        attributes.path("url").asText(),
        Environment.ALL);
  }

  private static long projectId(JsonNode payload) {
    return payload.path("project").path("id").asLong(payload.path("project_id").asLong());
  }
}
