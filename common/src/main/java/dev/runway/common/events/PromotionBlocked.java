package dev.runway.common.events;

import java.time.Instant;

/**
 * A staging revision did not finish healthy, so production stays as it is.
 *
 * @param service the service
 * @param revision the staging revision
 * @param reason why, in words
 * @param blockedAt when
 */
public record PromotionBlocked(String service, String revision, String reason, Instant blockedAt)
    implements RunwayEvent {

  public PromotionBlocked {
    Require.name(service, "service");
    Require.name(revision, "revision");
    Require.text(reason, "reason");
  }
}
