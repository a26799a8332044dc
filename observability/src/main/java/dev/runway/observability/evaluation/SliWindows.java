package dev.runway.observability.evaluation;

import dev.runway.common.events.RequestStats;
import dev.runway.observability.SloConfig;
import dev.runway.observability.metrics.SloMetrics;
import dev.runway.observability.slo.BurnRules;
import dev.runway.observability.slo.JudgeSettings;
import dev.runway.observability.slo.TimeScale;
import dev.runway.observability.telemetry.TelemetryFeed;
import dev.runway.observability.windows.SliStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The judge's settings and the windows they need, built once from {@code runway.slo.*}. */
@ApplicationScoped
public class SliWindows implements TelemetryFeed.Sink {

  private final JudgeSettings settings;
  private final SliStore store;
  private final long displaySeconds;
  private final SloMetrics metrics;
  private final Leadership leadership;

  public SliWindows(SloConfig config, SloMetrics metrics, Leadership leadership) {
    this.metrics = metrics;
    this.leadership = leadership;
    this.settings =
        new JudgeSettings(
            BurnRules.WORKBOOK,
            new TimeScale(config.timeScale()),
            config.minRequests(),
            config.confidence(),
            config.ruleConfidence(),
            config.budgetPeriod());
    this.displaySeconds = Math.max(1, config.displayWindow().toSeconds());
    List<Long> windows = new ArrayList<>(settings.windowSeconds());
    if (!windows.contains(displaySeconds)) {
      windows.add(displaySeconds);
    }
    this.store = new SliStore(windows);
  }

  public JudgeSettings settings() {
    return settings;
  }

  public SliStore store() {
    return store;
  }

  /** The unscaled recent window the dashboard's rates and p95 are read over. */
  public long displaySeconds() {
    return displaySeconds;
  }

  /** How far back a restart replays telemetry: the longest window kept. */
  public java.time.Duration replay() {
    return java.time.Duration.ofSeconds(
        store.windowSeconds().stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  /**
   * The newest second whose telemetry is in: the router publishes a second after it ends, and the
   * bus takes a moment, so windows end two seconds back rather than count a second half-arrived.
   */
  public static long settledSecond(java.time.Instant now) {
    return now.getEpochSecond() - 2;
  }

  @Override
  public void windows(RequestStats stats) {
    store.add(stats);
  }

  /**
   * Only the replica that judges counts requests, so a dashboard's sum over replicas counts each
   * request once.
   */
  @Override
  public void counters(RequestStats stats) {
    if (leadership.leading()) {
      metrics.record(stats);
    }
  }
}
