package dev.runway.guard.notify;

import dev.runway.common.events.PromotionBlocked;
import dev.runway.common.events.RollbackFailed;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.RolloutStalled;
import dev.runway.common.events.RunwayEvent;
import dev.runway.service.persistence.JsonColumn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack incoming-webhook body for the events a person should hear of: {@code text} (what Slack,
 * Mattermost and most chat webhooks show) and one {@code section} block in mrkdwn.
 */
public final class SlackMessage {
  private SlackMessage() {}

  public static Optional<String> of(RunwayEvent event) {
    return text(event)
        .map(
            text ->
                JsonColumn.write(
                    Map.of(
                        "text",
                        text,
                        "blocks",
                        List.of(
                            Map.of(
                                "type",
                                "section",
                                "text",
                                Map.of("type", "mrkdwn", "text", text))))));
  }

  static Optional<String> text(RunwayEvent event) {
    if (event instanceof RolledBack e) {
      String evidence =
          e.breach() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  " Evidence: %s %s, burn rate %.1fx over %s.",
                  e.breach().sli().label(),
                  e.breach().rule(),
                  e.breach().burnRate(),
                  e.breach().windows().stream()
                      .map(w -> w.window() + " " + w.bad() + "/" + w.requests() + " bad")
                      .toList());
      return Optional.of(
          String.format(
              ":rewind: *%s* (%s) rolled back in *%s*: traffic is back on `%s`, `%s` is"
                  + " quarantined there. %s.%s",
              e.service(),
              e.environment(),
              e.region(),
              e.toRevision(),
              e.revision(),
              e.reason(),
              evidence));
    }
    if (event instanceof PromotionBlocked e) {
      return Optional.of(
          String.format(
              ":no_entry: *%s*: `%s` is not promoted to production: %s",
              e.service(), e.revision(), e.reason()));
    }
    if (event instanceof RolloutStalled e) {
      return Optional.of(
          String.format(
              ":hourglass: *%s* (%s): the rollout of `%s` stalled and was %s: %s",
              e.service(),
              e.environment(),
              e.revision(),
              e.action() == dev.runway.common.manifest.RunwayManifest.OnStall.pause
                  ? "paused for an operator (`./runway resume` or `./runway rollback`)"
                  : "rolled back",
              e.reason()));
    }
    if (event instanceof RollbackFailed e) {
      return Optional.of(
          String.format(
              ":rotating_light: *%s* (%s) in *%s*: rollback of `%s` cannot help, a person must"
                  + " look: %s",
              e.service(), e.environment(), e.region(), e.revision(), e.reason()));
    }
    return Optional.empty();
  }
}
