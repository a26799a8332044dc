package dev.runway.observability.service;

import dev.runway.common.events.RequestStats;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.testing.Stats;
import dev.runway.testing.EventProducer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes RequestStats for the current second, every second, as the gateway router does: per
 * region a request count, an error count and a latency, changeable while it runs.
 */
final class TrafficGenerator implements AutoCloseable {

  /** One region's traffic per second. */
  record Load(String revision, long requests, long errors, long latencyMs) {}

  private final EventProducer producer;
  private final String service;
  private final Environment environment;
  private final Map<String, Load> loads = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private long lastPublished;

  TrafficGenerator(EventProducer producer, String service, Environment environment) {
    this.producer = producer;
    this.service = service;
    this.environment = environment;
  }

  /** Sets one revision's traffic in a region (replacing what that revision had there). */
  void set(String region, Load load) {
    loads.put(region + "/" + load.revision(), load);
  }

  /**
   * Ticks 50 ms after each whole second, as the gateway publishes a second's stats as soon as it
   * ends. A tick at a random phase published a second up to a whole second late, which at the
   * tests' time scale (one-second windows, judged two seconds back) left no margin in the worst
   * phase: the window read empty and a healthy revision stayed "insufficient data".
   */
  TrafficGenerator start() {
    long toNextSecond = 1000 - System.currentTimeMillis() % 1000 + 50;
    timer.scheduleAtFixedRate(this::publish, toNextSecond, 1000, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Publishes every second since the last one published, up to the last whole second: a tick that
   * runs late (a busy CI machine) catches up instead of skipping a second or sending one twice.
   */
  private void publish() {
    long newest = Instant.now().getEpochSecond() - 1;
    long from = lastPublished == 0 ? newest : lastPublished + 1;
    for (long second = from; second <= newest; second++) {
      publish(second);
    }
    lastPublished = Math.max(lastPublished, newest);
  }

  private void publish(long second) {
    loads.forEach(
        (key, load) -> {
          String region = key.substring(0, key.indexOf('/'));
          RequestStats stats =
              Stats.second(
                  service,
                  environment,
                  region,
                  load.revision(),
                  second,
                  load.requests(),
                  load.errors(),
                  load.latencyMs());
          producer.send(stats);
        });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
