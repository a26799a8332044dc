package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.List;

/**
 * A rollout ended: every region done, rolled back or halted, or a rollback failed.
 *
 * @param service the service
 * @param environment staging or production
 * @param revision the rollout's revision
 * @param status SUCCEEDED, ROLLED_BACK or FAILED
 * @param rolledBack the regions whose traffic went back to the previous revision
 * @param finishedAt when
 */
public record RolloutFinished(
    String service,
    Environment environment,
    String revision,
    RolloutStatus status,
    List<String> rolledBack,
    Instant finishedAt)
    implements RunwayEvent {

  public RolloutFinished {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(revision, "revision");
    Require.present(status, "status");
    rolledBack = Require.list(rolledBack, "rolled_back");
  }
}
