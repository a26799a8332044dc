package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * A held manifest change goes ahead: what held it is gone (its image succeeded in staging, the
 * freeze window ended). It is deployed as if it had just arrived.
 *
 * @param service the service
 * @param environment the environment
 * @param image the image it deploys
 * @param reason why it may go now, in words
 * @param releasedAt when it was released
 */
public record ChangeReleased(
    String service, Environment environment, String image, String reason, Instant releasedAt)
    implements RunwayEvent {

  public ChangeReleased {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.text(image, "image");
    Require.text(reason, "reason");
  }
}
