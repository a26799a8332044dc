package dev.runway.observability.evaluation;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import dev.runway.observability.metrics.SloMetrics;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.SliJudge;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.state.BreachRow;
import dev.runway.observability.state.StateLoader;
import dev.runway.observability.state.Topology;
import dev.runway.observability.telemetry.TelemetryFeed;
import dev.runway.observability.windows.SeriesKey;
import dev.runway.observability.windows.SeriesWindows;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Judges every revision's SLIs in every region once per evaluation interval, publishes the figures
 * as metrics, turns a change of breach state into SloBreached or SloRecovered, and a change of
 * overall status into SloStatusChanged. It starts judging only after the windows are rebuilt from
 * the topic and the open breaches are loaded, so a restart never announces a breach twice or misses
 * one. With replicas, every one judges and only the holder of the judge's lease writes ({@link
 * Leadership}).
 */
@ApplicationScoped
public class SloEvaluator {

  private static final Logger LOG = Logger.getLogger(SloEvaluator.class);

  private final SliWindows windows;
  private final Topology topology;
  private final Breaches breaches;
  private final Verdicts verdicts;
  private final StatusChanges statusChanges;
  private final SloMetrics metrics;
  private final StateLoader loader;
  private final EvidenceWindows evidence;
  private final Leadership leadership;
  private final String bootstrapServers;
  private final Clock clock = Clock.systemUTC();
  private TelemetryFeed feed;
  private volatile boolean loaded;

  public SloEvaluator(
      SliWindows windows,
      Topology topology,
      Breaches breaches,
      Verdicts verdicts,
      StatusChanges statusChanges,
      SloMetrics metrics,
      StateLoader loader,
      EvidenceWindows evidence,
      Leadership leadership,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.windows = windows;
    this.topology = topology;
    this.breaches = breaches;
    this.verdicts = verdicts;
    this.statusChanges = statusChanges;
    this.metrics = metrics;
    this.loader = loader;
    this.evidence = evidence;
    this.leadership = leadership;
    this.bootstrapServers = bootstrapServers;
  }

  void onStart(@Observes StartupEvent event) {
    // Before the feed replays: the replica that will judge counts the requests not yet counted.
    try {
      VertxContextSupport.subscribeAndAwait(() -> leadership.renew());
    } catch (Throwable failure) {
      LOG.warnf("Could not ask for the judge's lease at start: %s", failure.toString());
    }
    feed =
        new TelemetryFeed(
            bootstrapServers, "observability-telemetry", windows, windows.replay(), clock);
    feed.start();
    // On a Vert.x context (Hibernate Reactive needs one); start-up waits, since judging before
    // the open breaches are known could announce one twice.
    try {
      List<BreachRow> open = VertxContextSupport.subscribeAndAwait(loader::load);
      breaches.load(open);
      loaded = true;
      LOG.infof("Loaded %d open SLO breaches", open.size());
    } catch (Throwable failure) {
      throw new IllegalStateException("could not load observability's state", failure);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (feed != null) {
      feed.close();
    }
  }

  /** Whether verdicts are being made: state loaded and telemetry replayed. */
  public boolean ready() {
    return loaded && feed != null && feed.caughtUp();
  }

  @Scheduled(
      every = "${runway.slo.evaluation-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = NotReady.class)
  Uni<Void> evaluate() {
    return leadership
        .renew()
        .call(turn -> turn.began() ? takeOver() : Uni.createFrom().voidItem())
        .call(
            turn ->
                loader
                    .refreshTopology()
                    .onFailure()
                    .invoke(
                        failure ->
                            LOG.debugf("Judging on the topology read last: %s", failure.toString()))
                    .onFailure()
                    .recoverWithNull())
        .chain(turn -> judgeAll(clock.instant(), turn.leading()))
        .onFailure(Leadership.NotLeading.class)
        .invoke(failure -> LOG.info(failure.getMessage()))
        .onFailure(f -> !(f instanceof Leadership.NotLeading))
        .invoke(
            failure ->
                LOG.warnf(
                    "Could not record an SLO transition (next evaluation retries): %s",
                    failure.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  /**
   * A replica that begins to judge starts from the database's open breaches (another replica may
   * have opened or closed some) and announces every status again.
   */
  private Uni<Void> takeOver() {
    return loader
        .openBreaches()
        .invoke(
            open -> {
              breaches.load(open);
              statusChanges.forgetAll();
            })
        .replaceWithVoid();
  }

  /**
   * Judges every series; only the replica that holds the lease writes what changed, the others keep
   * their verdicts and metrics current for their API and a quick take-over.
   */
  private Uni<Void> judgeAll(Instant now, boolean leading) {
    long nowSecond = SliWindows.settledSecond(now);
    Uni<Void> transitions = Uni.createFrom().voidItem();
    Map<SeriesKey, SeriesWindows> all = windows.store().series();
    for (Map.Entry<SeriesKey, SeriesWindows> entry : all.entrySet()) {
      SeriesKey key = entry.getKey();
      Objective objective = topology.objective(key.service(), key.environment());
      EvidenceWindows.Span span = evidence.of(key, entry.getValue(), nowSecond);
      // The stable revision it is held against, looked up once for both SLIs
      Optional<String> stableRevision =
          topology.stableFor(key.service(), key.environment(), key.region(), key.revision());
      Optional<SeriesWindows> stableWindows =
          stableRevision.map(
              revision ->
                  all.get(new SeriesKey(key.service(), key.environment(), key.region(), revision)));
      Map<Sli, SliVerdict> judged = new EnumMap<>(Sli.class);
      for (Sli sli : Sli.values()) {
        SliVerdict verdict =
            judge(entry.getValue(), sli, objective, stableRevision, stableWindows, span, nowSecond);
        judged.put(sli, verdict);
        metrics.verdict(key, verdict);
        if (leading) {
          transitions = transitions.chain(() -> transition(key, verdict, objective, now));
        }
      }
      verdicts.put(key, judged);
      if (leading) {
        transitions =
            transitions.chain(() -> statusChanges.judged(key, judged, span.window(), now));
      }
    }
    windows.store().prune(nowSecond);
    java.util.Set<SeriesKey> kept = windows.store().series().keySet();
    all.keySet().stream().filter(k -> !kept.contains(k)).forEach(metrics::forget);
    verdicts.retain(kept);
    statusChanges.retain(kept);
    return transitions;
  }

  private SliVerdict judge(
      SeriesWindows own,
      Sli sli,
      Objective objective,
      Optional<String> stableRevision,
      Optional<SeriesWindows> stableWindows,
      EvidenceWindows.Span span,
      long nowSecond) {
    Optional<SliJudge.Stable> stable =
        stableRevision.map(
            revision ->
                new SliJudge.Stable(
                    revision, source(stableWindows.orElse(null), sli, objective, nowSecond)));
    return SliJudge.judge(
        sli,
        objective,
        windows.settings(),
        source(own, sli, objective, nowSecond),
        stable,
        evidence.step(span, own, stableWindows, sli, objective));
  }

  private static SliJudge.WindowSource source(
      SeriesWindows series, Sli sli, Objective objective, long nowSecond) {
    if (series == null) {
      return seconds -> dev.runway.observability.slo.Counts.NONE;
    }
    return seconds -> EvidenceWindows.of(series.over(seconds, nowSecond), sli, objective);
  }

  private Uni<Void> transition(
      SeriesKey key, SliVerdict verdict, Objective objective, Instant now) {
    boolean open = breaches.isOpen(key, verdict.sli().label());
    if (!open && verdict.status() == SloStatus.BREACHED) {
      return breaches.open(key, verdict, objective, now);
    }
    if (open && verdict.status() == SloStatus.HEALTHY) {
      return breaches.close(key, verdict, now);
    }
    return Uni.createFrom().voidItem();
  }

  /** Skips evaluations until state is loaded and telemetry replayed. */
  @ApplicationScoped
  public static class NotReady implements Scheduled.SkipPredicate {
    private final jakarta.enterprise.inject.Instance<SloEvaluator> evaluator;

    public NotReady(jakarta.enterprise.inject.Instance<SloEvaluator> evaluator) {
      this.evaluator = evaluator;
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !evaluator.get().ready();
    }
  }
}
