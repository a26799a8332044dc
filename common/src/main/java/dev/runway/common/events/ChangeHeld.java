package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * A manifest change was held, not deployed: the production change lock (its image has not succeeded
 * in staging) or a deploy freeze window of the environment. It waits, and goes ahead by itself once
 * the reason is gone (ChangeReleased); or it is applied again with an override and a reason ({@code
 * --override-change-lock "why"}, {@code change_lock_override}), which ManifestChanged then records.
 *
 * @param service the service
 * @param environment the environment it was meant for
 * @param image the image it would deploy
 * @param origin where the change came from
 * @param commit the git commit it was read at, when it came from git
 * @param reason why it is held and what releases it, in words
 * @param heldAt when it was held
 */
public record ChangeHeld(
    String service,
    Environment environment,
    String image,
    Origin origin,
    String commit,
    String reason,
    Instant heldAt)
    implements RunwayEvent {

  public ChangeHeld {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.text(image, "image");
    Require.present(origin, "origin");
    Require.text(reason, "reason");
  }
}
