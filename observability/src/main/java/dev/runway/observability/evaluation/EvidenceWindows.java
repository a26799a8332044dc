package dev.runway.observability.evaluation;

import dev.runway.common.events.Sli;
import dev.runway.observability.slo.BurnRules;
import dev.runway.observability.slo.Counts;
import dev.runway.observability.slo.EvidenceWindow;
import dev.runway.observability.slo.JudgeSettings;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.SliJudge;
import dev.runway.observability.state.Topology;
import dev.runway.observability.windows.SeriesKey;
import dev.runway.observability.windows.SeriesWindows;
import dev.runway.observability.windows.Totals;
import dev.runway.service.config.RunwayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Which seconds each verdict judges ({@link EvidenceWindow}): for a revision whose traffic share
 * changed, the seconds since the change took effect plus {@code runway.metric-lag}, the same lag
 * the rollout guard checks the window against; otherwise the fastest rule's short window.
 */
@ApplicationScoped
public class EvidenceWindows {

  /**
   * The window a series is judged over now.
   *
   * @param step whether it is a step's own window, counted from a share change
   */
  public record Span(EvidenceWindow window, boolean step) {}

  private final Topology topology;
  private final Duration lag;
  private final long longest;
  private final long shortest;

  @Inject
  public EvidenceWindows(Topology topology, SliWindows windows, RunwayConfig platform) {
    this(topology, windows.settings(), platform.metricLag());
  }

  EvidenceWindows(Topology topology, JudgeSettings settings, Duration lag) {
    this.topology = topology;
    this.lag = lag;
    this.longest = settings.scale().seconds(BurnRules.fastest(settings.rules()).longWindow());
    this.shortest = settings.scale().seconds(BurnRules.fastest(settings.rules()).shortWindow());
  }

  Span of(SeriesKey key, SeriesWindows own, long nowSecond) {
    return topology
        .trafficSince(key.service(), key.environment(), key.region(), key.revision())
        .map(
            since -> {
              EvidenceWindow window = EvidenceWindow.since(since, lag, nowSecond, longest);
              return new Span(
                  own == null
                      ? window
                      : window.startingAt(own.alignedFrom(longest, window.fromSecond())),
                  true);
            })
        .orElseGet(() -> new Span(EvidenceWindow.last(shortest, nowSecond), false));
  }

  /** The step's counts for the SLI, its own and the stable revision's; empty when not a step. */
  Optional<SliJudge.Step> step(
      Span span, SeriesWindows own, Optional<SeriesWindows> stable, Sli sli, Objective objective) {
    if (!span.step()) {
      return Optional.empty();
    }
    EvidenceWindow window = span.window();
    return Optional.of(
        new SliJudge.Step(
            window.seconds(),
            counts(own, window, sli, objective),
            stable.map(s -> counts(s, window, sli, objective))));
  }

  private Counts counts(SeriesWindows series, EvidenceWindow window, Sli sli, Objective objective) {
    if (series == null || window.seconds() == 0) {
      return Counts.NONE;
    }
    return of(series.from(longest, window.fromSecond(), window.toSecond()), sli, objective);
  }

  /** The SLI's good and bad among the totals. */
  static Counts of(Totals totals, Sli sli, Objective objective) {
    return sli == Sli.AVAILABILITY
        ? totals.availability()
        : totals.latency(objective.latencyThresholdMs());
  }
}
