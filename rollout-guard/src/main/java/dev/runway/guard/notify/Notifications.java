package dev.runway.guard.notify;

import dev.runway.common.events.RunwayEvent;
import dev.runway.guard.GuardConfig;
import dev.runway.guard.state.NotificationRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Queues a webhook call per configured URL for the events a person should hear of, in the
 * transaction that handles the event; {@link WebhookSender} sends them after the commit.
 */
@ApplicationScoped
public class Notifications {

  private final List<String> webhooks;

  public Notifications(GuardConfig config) {
    this.webhooks = config.webhooks().orElse(List.of());
  }

  public Uni<Void> maybeNotify(RunwayEvent event) {
    Optional<String> body = SlackMessage.of(event);
    if (body.isEmpty() || webhooks.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (String url : webhooks) {
      NotificationRow row = new NotificationRow();
      row.url = url;
      row.body = body.get();
      row.nextAttemptAt = OffsetDateTime.now();
      chain = chain.chain(() -> row.persist()).replaceWithVoid();
    }
    return chain;
  }
}
