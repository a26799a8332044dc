package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * The rollout guard asks the reconciler to give a revision this share of one region's traffic, the
 * rest to the revision that served it before. TrafficShifted confirms it.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the new revision
 * @param percent its share, 1 to 100
 * @param previousRevision the revision keeping the rest; null on the region's first deployment
 * @param requestedAt when the guard asked
 */
public record TrafficShiftRequested(
    String service,
    Environment environment,
    String region,
    String revision,
    int percent,
    String previousRevision,
    Instant requestedAt)
    implements RunwayEvent {

  public TrafficShiftRequested {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be between 0 and 100, got " + percent);
    }
    if (percent < 100 && (previousRevision == null || previousRevision.isBlank())) {
      throw new IllegalArgumentException(
          "previous_revision is required below 100%: it keeps the rest of the traffic");
    }
  }
}
