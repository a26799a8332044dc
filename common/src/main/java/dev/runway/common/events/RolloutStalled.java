package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import java.time.Instant;

/**
 * A step of a rollout outlived its progress deadline ({@code spec.rollout.progress_deadline}): no
 * fresh healthy verdict, or no confirmed traffic shift, in time. The rollout fails closed as {@code
 * spec.rollout.on_stall} says: paused for an operator, or rolled back.
 *
 * @param service the service
 * @param environment staging or production
 * @param revision the rollout's revision
 * @param region the first region found stalled
 * @param reason what the step was waiting for, in words
 * @param action pause or rollback
 * @param stalledAt when the deadline passed
 */
public record RolloutStalled(
    String service,
    Environment environment,
    String revision,
    String region,
    String reason,
    RunwayManifest.OnStall action,
    Instant stalledAt)
    implements RunwayEvent {

  public RolloutStalled {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(revision, "revision");
    Require.name(region, "region");
    Require.text(reason, "reason");
    Require.present(action, "action");
  }
}
