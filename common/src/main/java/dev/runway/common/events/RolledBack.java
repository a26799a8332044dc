package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * One region's traffic is back on the previous revision; the bad revision is kept warm without
 * traffic and quarantined there.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision rolled back
 * @param toRevision the revision serving the region now
 * @param reason why, in words
 * @param breach the SloBreached that caused it, as evidence; null when an operator asked
 * @param requestedAt when the rollback was asked for
 * @param rolledBackAt when the region's traffic moved
 */
public record RolledBack(
    String service,
    Environment environment,
    String region,
    String revision,
    String toRevision,
    String reason,
    SloBreached breach,
    Instant requestedAt,
    Instant rolledBackAt)
    implements RunwayEvent {

  public RolledBack {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.name(toRevision, "to_revision");
  }
}
