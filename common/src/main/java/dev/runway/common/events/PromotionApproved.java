package dev.runway.common.events;

import java.time.Instant;

/**
 * Every staging region of a revision went through its steps and baked healthy: production may take
 * the same image.
 *
 * @param service the service
 * @param revision the staging revision whose image production takes
 * @param approvedAt when
 */
public record PromotionApproved(String service, String revision, Instant approvedAt)
    implements RunwayEvent {

  public PromotionApproved {
    Require.name(service, "service");
    Require.name(revision, "revision");
  }
}
