package dev.runway.router.telemetry;

import dev.runway.common.events.RequestStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts every answer by revision for the current interval. {@link #roll} closes the interval and
 * returns the one closed before it: an event loop that picked up a window just before the roll has
 * had a whole interval to finish adding to it, so no count is lost to the swap.
 */
public final class TrafficStats {

  private record Interval(Instant start, Map<RevisionKey, StatsWindow> windows) {}

  private final AtomicReference<Interval> current;
  private Interval closed;

  public TrafficStats(Instant start) {
    current = new AtomicReference<>(new Interval(start, new ConcurrentHashMap<>()));
  }

  public void answered(RevisionKey key, int status, long micros) {
    window(key).answered(status, micros);
  }

  public void connectFailed(RevisionKey key) {
    window(key).connectFailed();
  }

  private StatsWindow window(RevisionKey key) {
    return current.get().windows().computeIfAbsent(key, k -> new StatsWindow());
  }

  /**
   * Starts a new interval at {@code now} and returns the events of the interval closed at the
   * previous roll, one per revision that had traffic.
   */
  public synchronized List<RequestStats> roll(Instant now) {
    Interval finished = current.getAndSet(new Interval(now, new ConcurrentHashMap<>()));
    Interval ready = closed;
    closed = finished;
    if (ready == null) {
      return List.of();
    }
    int seconds =
        (int)
            Math.max(
                1,
                Math.round(
                    (finished.start().toEpochMilli() - ready.start().toEpochMilli()) / 1000.0));
    List<RequestStats> events = new ArrayList<>();
    ready
        .windows()
        .forEach((key, window) -> events.add(window.toEvent(key, ready.start(), seconds)));
    return events;
  }
}
