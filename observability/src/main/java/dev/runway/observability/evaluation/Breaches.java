package dev.runway.observability.evaluation;

import dev.runway.common.events.SloBreached;
import dev.runway.common.events.SloRecovered;
import dev.runway.common.events.WindowEvidence;
import dev.runway.observability.slo.Comparison;
import dev.runway.observability.slo.Finding;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.slo.WindowCounts;
import dev.runway.observability.state.BreachRow;
import dev.runway.observability.windows.SeriesKey;
import dev.runway.service.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The breaches open now, one per revision and SLI. A transition is written with its event in one
 * transaction (the row and the outbox), so {@link SloBreached} and {@link SloRecovered} go out once
 * per transition, across restarts and replicas too (the judge's lease fences it: {@link
 * Leadership}).
 */
@ApplicationScoped
public class Breaches {

  private static final Logger LOG = Logger.getLogger(Breaches.class);

  private final Outbox outbox;
  private final Leadership leadership;
  private final Map<String, BreachRow> open = new ConcurrentHashMap<>();

  public Breaches(Outbox outbox, Leadership leadership) {
    this.outbox = outbox;
    this.leadership = leadership;
  }

  /** The breaches open now, as the database has them (at start, or on taking over the judging). */
  void load(List<BreachRow> rows) {
    open.keySet().retainAll(rows.stream().map(row -> row.id).toList());
    rows.forEach(row -> open.put(row.id, row));
  }

  static String id(SeriesKey key, String sli) {
    return key.service()
        + "/"
        + key.environment()
        + "/"
        + key.region()
        + "/"
        + key.revision()
        + "/"
        + sli;
  }

  public boolean isOpen(SeriesKey key, String sli) {
    return open.containsKey(id(key, sli));
  }

  public Optional<BreachRow> openBreach(SeriesKey key, String sli) {
    return Optional.ofNullable(open.get(id(key, sli)));
  }

  Uni<Void> open(SeriesKey key, SliVerdict verdict, Objective objective, Instant now) {
    Finding finding = verdict.decisive().orElseThrow();
    BreachRow row = new BreachRow();
    row.id = id(key, verdict.sli().label());
    row.service = key.service();
    row.environment = key.environment();
    row.region = key.region();
    row.revision = key.revision();
    row.sli = verdict.sli().label();
    row.rule = finding.rule();
    row.breachedAt = now.atOffset(ZoneOffset.UTC);
    SloBreached event =
        new SloBreached(
            key.service(),
            key.environment(),
            key.region(),
            key.revision(),
            verdict.sli(),
            objective.availabilityPercent(),
            finding.rule(),
            finding.severity(),
            finding.burnRate(),
            evidence(finding),
            verdict.budgetRemaining(),
            finding.comparison().map(Comparison::evidence).orElse(null),
            now);
    return Panache.withTransaction(
            () -> leadership.fence().chain(() -> row.persist()).chain(() -> outbox.add(event)))
        .invoke(
            () -> {
              open.put(row.id, row);
              LOG.warnf(
                  "SLO breached: %s/%s %s in %s, %s by %s (burn %.1fx, budget left %.0f%%)",
                  key.service(),
                  key.environment(),
                  key.revision(),
                  key.region(),
                  row.sli,
                  row.rule,
                  finding.burnRate(),
                  verdict.budgetRemaining() * 100);
            })
        .replaceWithVoid();
  }

  Uni<Void> close(SeriesKey key, SliVerdict verdict, Instant now) {
    BreachRow row = open.get(id(key, verdict.sli().label()));
    SloRecovered event =
        new SloRecovered(
            key.service(),
            key.environment(),
            key.region(),
            key.revision(),
            verdict.sli(),
            row.breachedAt.toInstant(),
            evidence(verdict.fastest()),
            verdict.budgetRemaining(),
            now);
    return Panache.withTransaction(
            () ->
                leadership
                    .fence()
                    .chain(() -> BreachRow.deleteById(row.id))
                    .chain(() -> outbox.add(event)))
        .invoke(
            () -> {
              open.remove(row.id);
              LOG.infof(
                  "SLO recovered: %s/%s %s in %s, %s",
                  key.service(), key.environment(), key.revision(), key.region(), row.sli);
            })
        .replaceWithVoid();
  }

  private static List<WindowEvidence> evidence(Finding finding) {
    return finding.windows().stream().map(WindowCounts::evidence).toList();
  }
}
