package dev.runway.service.inbox;

import dev.runway.common.events.EventEnvelope;
import dev.runway.service.config.RunwayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which events a consumer has handled, in the same transaction as the handling, so a
 * redelivered event (a rebalance, a relay that re-published after a crash) has no second effect.
 */
@ApplicationScoped
public class Inbox {

  private final String table;

  public Inbox(RunwayConfig config) {
    this.table = config.dbSchema() + ".inbox";
  }

  /**
   * Records that {@code consumer} is handling {@code event}; must run inside the transaction of the
   * effect.
   *
   * @return true the first time, false for a duplicate delivery
   */
  public Uni<Boolean> firstDelivery(String consumer, EventEnvelope event) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into "
                            + table
                            + " (consumer, ce_id, ce_type) values (:consumer, :id, :type)"
                            + " on conflict do nothing")
                    .setParameter("consumer", consumer)
                    .setParameter("id", event.id())
                    .setParameter("type", event.type())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }
}
