package dev.runway.provisioner.gitlab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** GitLab's documented hook payloads (under src/test/resources/gitlab), adjusted per test. */
final class GitlabPayloads {

  private GitlabPayloads() {}

  static ObjectNode load(String name) {
    try (InputStream in = GitlabPayloads.class.getResourceAsStream("/gitlab/" + name + ".json")) {
      return (ObjectNode) WireJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A push of one commit that modified {@code files}, to the project's default branch. */
  static ObjectNode push(long project, String commit, List<String> files) {
    ObjectNode push = load("push");
    push.put("project_id", project).put("after", commit).put("checkout_sha", commit);
    ((ObjectNode) push.get("project")).put("id", project);
    ArrayNode commits = (ArrayNode) push.get("commits");
    ObjectNode last = (ObjectNode) commits.get(1);
    last.put("id", commit);
    ArrayNode modified = last.putArray("modified");
    files.forEach(modified::add);
    return push;
  }

  /**
   * A merge request into main, {@code action} as GitLab names it, its last commit {@code commit}.
   */
  static ObjectNode mergeRequest(long project, String commit, String action) {
    ObjectNode mr = load("merge_request");
    ((ObjectNode) mr.get("project")).put("id", project);
    ObjectNode attributes = (ObjectNode) mr.get("object_attributes");
    attributes.put("source_project_id", project).put("target_project_id", project);
    attributes.put("action", action);
    ((ObjectNode) attributes.get("last_commit")).put("id", commit);
    return mr;
  }
}
