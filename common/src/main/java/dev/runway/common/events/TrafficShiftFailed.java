package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * The reconciler could not apply a traffic step the guard asked for (TrafficShiftRequested): the
 * region was deploying, or routing failed. The guard asks again with a backoff inside the step's
 * progress deadline; when the deadline passes, the reason is part of the stall.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision the step was for
 * @param percent the share asked for
 * @param reason why it could not be applied, in words
 * @param failedAt when
 */
public record TrafficShiftFailed(
    String service,
    Environment environment,
    String region,
    String revision,
    int percent,
    String reason,
    Instant failedAt)
    implements RunwayEvent {

  public TrafficShiftFailed {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.text(reason, "reason");
  }
}
