package dev.runway.observability.windows;

import dev.runway.common.events.RequestStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every series' windows, filled from {@link RequestStats}. A series whose newest traffic has left
 * the longest window is forgotten.
 */
public final class SliStore {

  private final List<Long> windowSeconds;
  private final long longest;
  private final Map<SeriesKey, SeriesWindows> series = new ConcurrentHashMap<>();

  /**
   * @param windowSeconds every window length to keep, in seconds
   */
  public SliStore(List<Long> windowSeconds) {
    this.windowSeconds = List.copyOf(windowSeconds);
    this.longest = windowSeconds.stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  public void add(RequestStats stats) {
    SeriesKey key =
        new SeriesKey(stats.service(), stats.environment(), stats.region(), stats.revision());
    series.computeIfAbsent(key, k -> new SeriesWindows(windowSeconds)).add(stats);
  }

  /** A snapshot of the series kept now. */
  public Map<SeriesKey, SeriesWindows> series() {
    return Map.copyOf(series);
  }

  /** Forgets series with no traffic in the longest window before {@code nowSecond}. */
  public void prune(long nowSecond) {
    series.values().removeIf(w -> w.newestSecond() <= nowSecond - longest);
  }

  public List<Long> windowSeconds() {
    return windowSeconds;
  }
}
