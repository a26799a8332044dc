package dev.runway.common.events;

import java.util.List;

/**
 * The fixed latency buckets of {@link RequestStats}: upper bounds in milliseconds, powers of two
 * from 1 ms to 16 384 ms, so that 1 024 ms (the default SLO latency threshold) is a bound and "the
 * share of requests under the threshold" is read exactly. A request of {@code d} ms falls in the
 * first bucket whose bound is at least {@code d}; the last bucket counts everything slower.
 */
public final class LatencyBuckets {

  /** Upper bounds, inclusive, in milliseconds. */
  public static final List<Long> BOUNDS_MS =
      List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 2048L, 4096L, 8192L, 16384L);

  /** How many counts a histogram has: one per bound and one above the last. */
  public static final int SIZE = BOUNDS_MS.size() + 1;

  private LatencyBuckets() {}

  /** The bucket of a latency given in microseconds. */
  public static int indexOfMicros(long micros) {
    for (int i = 0; i < BOUNDS_MS.size(); i++) {
      if (micros <= BOUNDS_MS.get(i) * 1000) {
        return i;
      }
    }
    return BOUNDS_MS.size();
  }
}
