package dev.runway.observability.evaluation;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import dev.runway.observability.SloConfig;
import dev.runway.observability.slo.EvidenceWindow;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.slo.TimeScale;
import dev.runway.observability.windows.SeriesKey;
import dev.runway.service.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Announces a revision's overall status in a region when it changes, and again at every heartbeat
 * ({@code runway.slo.heartbeat}, time-scaled like the windows, at least 1 s) while the revision has
 * traffic: the rollout guard counts only verdicts judged after a step's traffic took effect and
 * recent when the step is decided, so a status heard once is never evidence for later steps, and a
 * silent observability stops every rollout instead of letting one walk on. The last status is kept
 * in memory only: after a restart the current status is announced again, which a consumer of a
 * level (not an edge) takes in its stride; breaches keep their own once-only rows ({@link
 * Breaches}).
 */
@ApplicationScoped
public class StatusChanges {

  private static final Logger LOG = Logger.getLogger(StatusChanges.class);

  /** What was last announced for a series, and when. */
  private record Announced(SloStatus status, Instant at) {}

  private final Outbox outbox;
  private final Duration heartbeat;
  private final Map<SeriesKey, Announced> last = new ConcurrentHashMap<>();

  private final Leadership leadership;

  public StatusChanges(Outbox outbox, SloConfig config, Leadership leadership) {
    this.outbox = outbox;
    this.leadership = leadership;
    this.heartbeat =
        Duration.ofSeconds(new TimeScale(config.timeScale()).seconds(config.heartbeat()));
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

  Uni<Void> judged(
      SeriesKey key, Map<Sli, SliVerdict> verdicts, EvidenceWindow window, Instant now) {
    SloStatus status = overall(verdicts.values());
    Announced announced = last.get(key);
    SloStatus before = announced == null ? null : announced.status();
    boolean due =
        announced == null
            || status != before
            || !Duration.between(announced.at(), now).minus(heartbeat).isNegative();
    if (!due) {
      return Uni.createFrom().voidItem();
    }
    long requests = verdicts.values().stream().mapToLong(SliVerdict::requests).min().orElse(0);
    SloStatusChanged event =
        new SloStatusChanged(
            key.service(),
            key.environment(),
            key.region(),
            key.revision(),
            status,
            before,
            now,
            window.start(),
            window.end(),
            requests);
    return Panache.withTransaction(() -> leadership.fence().chain(() -> outbox.add(event)))
        .invoke(
            () -> {
              last.put(key, new Announced(status, now));
              LOG.tracef(
                  "%s/%s %s in %s: %s -> %s",
                  key.service(), key.environment(), key.revision(), key.region(), before, status);
            })
        .replaceWithVoid();
  }

  /** Forgets what was announced: a replica that takes over the judging announces every status. */
  void forgetAll() {
    last.clear();
  }

  void retain(Set<SeriesKey> keys) {
    last.keySet().retainAll(keys);
  }
}
