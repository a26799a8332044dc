package dev.runway.observability.windows;

import dev.runway.common.events.LatencyBuckets;
import dev.runway.common.events.RequestStats;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** One series' sliding windows, one per window length the rules and the dashboard read. */
public final class SeriesWindows {

  private final Map<Long, SlidingWindow> windows = new TreeMap<>();
  private long newestSecond = Long.MIN_VALUE;

  SeriesWindows(Collection<Long> windowSeconds) {
    for (long seconds : windowSeconds) {
      windows.put(seconds, new SlidingWindow(seconds));
    }
  }

  synchronized void add(RequestStats stats) {
    long second = stats.windowStart().getEpochSecond();
    long[] latency = new long[LatencyBuckets.SIZE];
    for (int i = 0; i < latency.length; i++) {
      latency[i] = stats.latencyCounts().get(i);
    }
    for (SlidingWindow window : windows.values()) {
      window.add(second, stats.requests(), stats.status5xx(), latency);
    }
    newestSecond = Math.max(newestSecond, second);
  }

  /** The sums over the last {@code seconds} seconds up to {@code nowSecond}. */
  public synchronized Totals over(long seconds, long nowSecond) {
    return window(seconds).sum(nowSecond);
  }

  /**
   * The sums from {@code fromSecond} to {@code nowSecond}, read from the kept window of {@code
   * seconds}: a window's slots may be wider than a second, so the sum starts at {@link
   * #alignedFrom} and holds nothing from before {@code fromSecond}.
   */
  public synchronized Totals from(long seconds, long fromSecond, long nowSecond) {
    return window(seconds).sumFrom(fromSecond, nowSecond);
  }

  /**
   * Where a sum {@link #from} {@code fromSecond} in the window of {@code seconds} really starts.
   */
  public synchronized long alignedFrom(long seconds, long fromSecond) {
    return window(seconds).alignedFrom(fromSecond);
  }

  private SlidingWindow window(long seconds) {
    SlidingWindow window = windows.get(seconds);
    if (window == null) {
      throw new IllegalArgumentException(
          "no " + seconds + " s window is kept; kept: " + windows.keySet());
    }
    return window;
  }

  /** The newest second that had traffic. */
  public synchronized long newestSecond() {
    return newestSecond;
  }
}
