package dev.runway.guard.service;

import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.EventProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays observability for the guard's tests, as observability behaves: each revision's status is
 * announced when set and again at every heartbeat, judged now, over the window since its region's
 * last traffic shift plus the metric lag, so the guard counts it for a step only once that step's
 * shift is behind the window's start.
 */
final class ObservabilityStandIn implements AutoCloseable {

  /** The platform's default {@code runway.metric-lag}. */
  private static final Duration METRIC_LAG = Duration.ofSeconds(2);

  private record Series(String service, Environment environment, String region, String revision) {}

  private record Region(String service, Environment environment, String region) {}

  private final EventProducer producer;
  private final Map<Series, SloStatus> statuses = new ConcurrentHashMap<>();
  private final Map<Region, Instant> shiftedAt = new ConcurrentHashMap<>();
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();

  ObservabilityStandIn(EventProducer producer) {
    this.producer = producer;
    heartbeat.scheduleAtFixedRate(
        () -> statuses.forEach((series, status) -> producer.send(judgedNow(series, status))),
        500,
        500,
        TimeUnit.MILLISECONDS);
  }

  /** A shift of the region's traffic was published at {@code at}: its windows start there. */
  void shifted(String service, Environment environment, String region, Instant at) {
    shiftedAt.put(new Region(service, environment, region), at);
  }

  /** The revision's status in the region from now on, announced now and at every heartbeat. */
  void status(
      String service, Environment environment, String region, String revision, SloStatus status) {
    Series series = new Series(service, environment, region, revision);
    statuses.put(series, status);
    producer.send(judgedNow(series, status));
  }

  private SloStatusChanged judgedNow(Series series, SloStatus status) {
    Instant now = Instant.now();
    Instant from =
        shiftedAt
            .getOrDefault(new Region(series.service(), series.environment(), series.region()), now)
            .plus(METRIC_LAG);
    return new SloStatusChanged(
        series.service(),
        series.environment(),
        series.region(),
        series.revision(),
        status,
        status,
        now,
        from,
        from.isAfter(now) ? from : now,
        500);
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
  }
}
