package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * The rollout guard asks the reconciler to move one region's traffic back to the previous revision
 * in one step, and to keep the bad revision off that region.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision being rolled back (quarantined in the region)
 * @param toRevision the revision that takes the region's traffic again
 * @param reason why, in words
 * @param breach the SloBreached that caused it; null when an operator asked
 * @param requestedAt when the guard asked
 */
public record RollbackRequested(
    String service,
    Environment environment,
    String region,
    String revision,
    String toRevision,
    String reason,
    SloBreached breach,
    Instant requestedAt)
    implements RunwayEvent {

  public RollbackRequested {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.name(toRevision, "to_revision");
    Require.text(reason, "reason");
  }
}
