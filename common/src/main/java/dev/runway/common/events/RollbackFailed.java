package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * A rollback cannot help in one region (the previous revision breaches too, there is none, or the
 * reconciler could not move the traffic): the guard stops there and a person must look.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the rollout's revision
 * @param reason why, in words
 * @param failedAt when
 */
public record RollbackFailed(
    String service,
    Environment environment,
    String region,
    String revision,
    String reason,
    Instant failedAt)
    implements RunwayEvent {

  public RollbackFailed {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.text(reason, "reason");
  }
}
