package dev.runway.router.telemetry;

import dev.runway.common.events.LatencyBuckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus series per service, environment, region and revision: {@code
 * runway_router_requests_total} by status class, {@code runway_router_request_duration_seconds}
 * with the same buckets as RequestStats, {@code runway_router_connect_failures_total}. Meters are
 * looked up once per revision, not per request.
 */
public final class RouterMetrics {

  private static final Duration[] BUCKETS =
      LatencyBuckets.BOUNDS_MS.stream().map(Duration::ofMillis).toArray(Duration[]::new);

  private record Meters(Counter[] byClass, Timer duration, Counter connectFailures) {}

  private final MeterRegistry registry;
  private final Map<RevisionKey, Meters> meters = new ConcurrentHashMap<>();

  public RouterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void answered(RevisionKey key, int status, long micros) {
    Meters m = meters(key);
    m.byClass()[Math.min(5, Math.max(1, status / 100)) - 1].increment();
    m.duration().record(micros, TimeUnit.MICROSECONDS);
  }

  public void connectFailed(RevisionKey key) {
    meters(key).connectFailures().increment();
  }

  private Meters meters(RevisionKey key) {
    return meters.computeIfAbsent(key, this::register);
  }

  private Meters register(RevisionKey key) {
    Tags tags =
        Tags.of(
            "service", key.service(),
            "environment", key.environment().wire(),
            "region", key.region(),
            "revision", key.revision());
    Counter[] byClass = new Counter[5];
    for (int i = 0; i < 5; i++) {
      byClass[i] =
          Counter.builder("runway.router.requests")
              .description("Answers to clients, by the revision that served them")
              .tags(tags)
              .tag("code", (i + 1) + "xx")
              .register(registry);
    }
    Timer duration =
        Timer.builder("runway.router.request.duration")
            .description("From a request's arrival to its answer's last byte")
            .tags(tags)
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    Counter connectFailures =
        Counter.builder("runway.router.connect.failures")
            .description("Attempts that could not connect to the revision")
            .tags(tags)
            .register(registry);
    return new Meters(byClass, duration, connectFailures);
  }
}
