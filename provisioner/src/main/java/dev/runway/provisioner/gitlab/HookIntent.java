package dev.runway.provisioner.gitlab;

import dev.runway.common.manifest.Environment;
import java.util.List;

/** What a GitLab webhook delivery asks of Runway, read from its headers and payload alone. */
public sealed interface HookIntent {

  /** The GitLab project whose services it concerns (the target of a merge request); -1 if none. */
  long projectId();

  /** Nothing: not an event Runway acts on. */
  record Ignore(String reason) implements HookIntent {
    @Override
    public long projectId() {
      return -1;
    }
  }

  /**
   * A push to the default branch touched these environments' manifests: read each at the commit and
   * make it the desired state.
   *
   * @param changeLockOverride the reason given in the pushed commit's {@code
   *     Runway-Change-Lock-Override:} trailer; null for none
   */
  record Apply(
      long projectId, String commit, List<Environment> environments, String changeLockOverride)
      implements HookIntent {

    public Apply(long projectId, String commit, List<Environment> environments) {
      this(projectId, commit, environments, null);
    }
  }

  /**
   * A merge request was opened or got new commits: plan each environment's manifest at its last
   * commit against the target branch, without applying anything.
   */
  record Plan(
      long targetProjectId,
      long sourceProjectId,
      String commit,
      String targetBranch,
      String url,
      List<Environment> environments)
      implements HookIntent {

    @Override
    public long projectId() {
      return targetProjectId;
    }
  }
}
