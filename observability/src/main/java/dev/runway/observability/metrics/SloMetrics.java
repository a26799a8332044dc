package dev.runway.observability.metrics;

import dev.runway.common.events.LatencyBuckets;
import dev.runway.common.events.RequestStats;
import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.slo.Finding;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.slo.WindowCounts;
import dev.runway.observability.windows.SeriesKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Prometheus series on {@code /q/metrics}, every one labelled with service, environment, region
 * and revision: request counts by status class, the latency histogram with the router's bucket
 * bounds, and per SLI the burn rate of every window, the budget left and whether it breaches.
 */
@ApplicationScoped
public class SloMetrics {

  private static final String[] CLASSES = {"2xx", "3xx", "4xx", "5xx"};

  private final MeterRegistry registry;
  private final Map<Tags, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
  private final Duration[] bounds;

  public SloMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.bounds =
        LatencyBuckets.BOUNDS_MS.stream().map(Duration::ofMillis).toArray(Duration[]::new);
  }

  /** Counts one second of traffic. */
  public void record(RequestStats stats) {
    Tags tags = tags(stats.service(), stats.environment(), stats.region(), stats.revision());
    long[] byClass = {stats.status2xx(), stats.status3xx(), stats.status4xx(), stats.status5xx()};
    for (int i = 0; i < CLASSES.length; i++) {
      if (byClass[i] > 0) {
        Counter.builder("runway.requests")
            .description("Requests answered through the gateway, by status class")
            .tags(tags.and("code_class", CLASSES[i]))
            .register(registry)
            .increment(byClass[i]);
      }
    }
    if (stats.connectFailures() > 0) {
      Counter.builder("runway.connect.failures")
          .description("Attempts the gateway could not connect to the revision")
          .tags(tags)
          .register(registry)
          .increment(stats.connectFailures());
    }
    // The router sends counts per bucket; each is recorded at its bucket's upper bound, so the
    // exported cumulative buckets equal the router's exactly (the sum is an upper bound). A Timer,
    // not a DistributionSummary: the summary's histogram rounds values up to whole base units,
    // which put every sub-second request in the 1.024 s bucket.
    Timer latency =
        Timer.builder("runway.request.latency")
            .description("Time from a request's arrival at the gateway to its last response byte")
            .serviceLevelObjectives(bounds)
            .tags(tags)
            .register(registry);
    for (int i = 0; i < LatencyBuckets.SIZE; i++) {
      long n = stats.latencyCounts().get(i);
      long ms = i < bounds.length ? bounds[i].toMillis() : bounds[i - 1].toMillis() * 2;
      for (long k = 0; k < n; k++) {
        latency.record(ms, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Publishes one revision's SLI verdict. */
  public void verdict(SeriesKey key, SliVerdict verdict) {
    Tags tags =
        tags(key.service(), key.environment(), key.region(), key.revision())
            .and("sli", verdict.sli().label());
    for (Finding finding : verdict.findings()) {
      if (finding.rule().equals(Finding.CANARY_RULE)) {
        continue;
      }
      for (WindowCounts window : finding.windows()) {
        gauge(
            "runway.slo.burn.rate",
            "Error-budget burn rate over the window (1 spends the budget exactly)",
            tags.and("window", window.label()),
            window.burnRate());
      }
    }
    gauge(
        "runway.slo.budget.remaining",
        "Share of the budget period's error budget left (negative when overspent)",
        tags,
        verdict.budgetRemaining());
    gauge(
        "runway.slo.breached",
        "1 while some burn-rate rule fires",
        tags,
        verdict.status() == SloStatus.BREACHED ? 1 : 0);
  }

  /**
   * Removes every series of a revision that left the longest window, so the exposition does not
   * grow with every revision ever deployed.
   */
  public void forget(SeriesKey key) {
    Tags tags = tags(key.service(), key.environment(), key.region(), key.revision());
    for (io.micrometer.core.instrument.Meter meter : registry.getMeters()) {
      if (meter.getId().getTags().containsAll(tags.stream().toList())) {
        registry.remove(meter);
      }
    }
    gauges.keySet().removeIf(k -> k.stream().toList().containsAll(tags.stream().toList()));
  }

  private void gauge(String name, String help, Tags tags, double value) {
    Tags key = tags.and("__name", name);
    gauges
        .computeIfAbsent(
            key,
            k -> {
              AtomicReference<Double> ref = new AtomicReference<>(Double.NaN);
              Gauge.builder(name, ref, AtomicReference::get)
                  .description(help)
                  .tags(tags)
                  .register(registry);
              return ref;
            })
        .set(value);
  }

  private static Tags tags(
      String service, Environment environment, String region, String revision) {
    return Tags.of(
        "service",
        service,
        "environment",
        environment.wire(),
        "region",
        region,
        "revision",
        revision);
  }
}
