package dev.runway.router.telemetry;

import dev.runway.common.events.LatencyBuckets;
import dev.runway.common.events.RequestStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** One revision's counts for the current second; many event loops add, one flusher reads. */
final class StatsWindow {

  private final LongAdder status2xx = new LongAdder();
  private final LongAdder status3xx = new LongAdder();
  private final LongAdder status4xx = new LongAdder();
  private final LongAdder status5xx = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final AtomicLongArray latency = new AtomicLongArray(LatencyBuckets.SIZE);
  private final DoubleAdder latencySumMs = new DoubleAdder();

  void answered(int status, long micros) {
    switch (status / 100) {
      case 1, 2 -> status2xx.increment();
      case 3 -> status3xx.increment();
      case 4 -> status4xx.increment();
      default -> status5xx.increment();
    }
    latency.incrementAndGet(LatencyBuckets.indexOfMicros(micros));
    latencySumMs.add(micros / 1000.0);
  }

  void connectFailed() {
    connectFailures.increment();
  }

  RequestStats toEvent(RevisionKey key, Instant start, int seconds) {
    long s2 = status2xx.sum();
    long s3 = status3xx.sum();
    long s4 = status4xx.sum();
    long s5 = status5xx.sum();
    List<Long> counts = new ArrayList<>(LatencyBuckets.SIZE);
    for (int i = 0; i < LatencyBuckets.SIZE; i++) {
      counts.add(latency.get(i));
    }
    return new RequestStats(
        key.service(),
        key.environment(),
        key.region(),
        key.revision(),
        start,
        seconds,
        s2 + s3 + s4 + s5,
        s2,
        s3,
        s4,
        s5,
        connectFailures.sum(),
        counts,
        latencySumMs.sum());
  }
}
