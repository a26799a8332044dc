package dev.runway.observability.evaluation;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.windows.SeriesKey;
import dev.runway.service.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Announces a revision's overall status in a region when it changes, so the rollout guard knows
 * when a step holds healthy with enough data without polling. The last status is kept in memory
 * only: after a restart the current status is announced again, which a consumer of a level (not an
 * edge) takes in its stride; breaches keep their own once-only rows ({@link Breaches}).
 */
@ApplicationScoped
public class StatusChanges {

  private static final Logger LOG = Logger.getLogger(StatusChanges.class);

  private final Outbox outbox;
  private final Map<SeriesKey, SloStatus> last = new ConcurrentHashMap<>();

  public StatusChanges(Outbox outbox) {
    this.outbox = outbox;
  }

  /** BREACHED if any SLI breaches, else INSUFFICIENT_DATA if any lacks data, else HEALTHY. */
  static SloStatus overall(Collection<SliVerdict> verdicts) {
    if (verdicts.stream().anyMatch(v -> v.status() == SloStatus.BREACHED)) {
      return SloStatus.BREACHED;
    }
    if (verdicts.isEmpty()
        || verdicts.stream().anyMatch(v -> v.status() == SloStatus.INSUFFICIENT_DATA)) {
      return SloStatus.INSUFFICIENT_DATA;
    }
    return SloStatus.HEALTHY;
  }

  Uni<Void> judged(SeriesKey key, Map<Sli, SliVerdict> verdicts, Instant now) {
    SloStatus status = overall(verdicts.values());
    SloStatus before = last.get(key);
    if (status == before) {
      return Uni.createFrom().voidItem();
    }
    SloStatusChanged event =
        new SloStatusChanged(
            key.service(), key.environment(), key.region(), key.revision(), status, before, now);
    return Panache.withTransaction(() -> outbox.add(event))
        .invoke(
            () -> {
              last.put(key, status);
              LOG.debugf(
                  "%s/%s %s in %s: %s -> %s",
                  key.service(), key.environment(), key.revision(), key.region(), before, status);
            })
        .replaceWithVoid();
  }

  void retain(Set<SeriesKey> keys) {
    last.keySet().retainAll(keys);
  }
}
