package dev.runway.observability.windows;

import dev.runway.common.events.LatencyBuckets;

/**
 * Sums over the last {@code seconds} seconds of event time, in a ring of about {@value #MAX_SLOTS}
 * slots (plus headroom for newer seconds): one-second slots for windows up to ten minutes, wider
 * ones beyond (a 3-day window uses 432-second slots), so memory stays bounded and a long window's
 * edge is at most one slot off. A slot is reused when time moves past it; a record older than what
 * its slot holds now is too old for the window and is dropped.
 */
final class SlidingWindow {

  static final int MAX_SLOTS = 600;

  /**
   * Seconds newer than the window's end that may already have arrived when it is read: windows end
   * at the settled second, two back, and a clock can run a little ahead. Without this headroom a
   * one-second window kept in one slot was overwritten by the next second before it was read.
   */
  static final long HEADROOM_SECONDS = 5;

  private final long slotSeconds;
  private final int span;
  private final int slots;
  private final long[] slotIds;
  private final long[] requests;
  private final long[] errors;
  private final long[][] latency;

  SlidingWindow(long seconds) {
    this.slotSeconds = Math.max(1, (seconds + MAX_SLOTS - 1) / MAX_SLOTS);
    this.span = (int) ((seconds + slotSeconds - 1) / slotSeconds);
    this.slots = span + (int) ((HEADROOM_SECONDS + slotSeconds - 1) / slotSeconds) + 1;
    this.slotIds = new long[slots];
    java.util.Arrays.fill(slotIds, Long.MIN_VALUE);
    this.requests = new long[slots];
    this.errors = new long[slots];
    this.latency = new long[slots][LatencyBuckets.SIZE];
  }

  void add(long epochSecond, long requestCount, long errorCount, long[] latencyCounts) {
    long id = Math.floorDiv(epochSecond, slotSeconds);
    int index = (int) Math.floorMod(id, (long) slots);
    if (slotIds[index] > id) {
      return;
    }
    if (slotIds[index] < id) {
      slotIds[index] = id;
      requests[index] = 0;
      errors[index] = 0;
      java.util.Arrays.fill(latency[index], 0);
    }
    requests[index] += requestCount;
    errors[index] += errorCount;
    for (int i = 0; i < latencyCounts.length; i++) {
      latency[index][i] += latencyCounts[i];
    }
  }

  /** The sums of the slots within the window that ends with the second {@code nowSecond}. */
  Totals sum(long nowSecond) {
    return sum(Math.floorDiv(nowSecond, slotSeconds) - span + 1, nowSecond);
  }

  /**
   * The first second from {@code fromSecond} on that begins a slot: a sum from there holds no
   * second before {@code fromSecond}, though it may start a little after it.
   */
  long alignedFrom(long fromSecond) {
    return Math.floorDiv(fromSecond + slotSeconds - 1, slotSeconds) * slotSeconds;
  }

  /**
   * The sums from {@link #alignedFrom} {@code fromSecond} to {@code nowSecond}, within the window.
   */
  Totals sumFrom(long fromSecond, long nowSecond) {
    long newest = Math.floorDiv(nowSecond, slotSeconds);
    return sum(Math.max(newest - span + 1, alignedFrom(fromSecond) / slotSeconds), nowSecond);
  }

  private Totals sum(long oldest, long nowSecond) {
    long newest = Math.floorDiv(nowSecond, slotSeconds);
    long r = 0;
    long e = 0;
    long[] l = new long[LatencyBuckets.SIZE];
    for (int s = 0; s < slots; s++) {
      if (slotIds[s] >= oldest && slotIds[s] <= newest) {
        r += requests[s];
        e += errors[s];
        for (int i = 0; i < l.length; i++) {
          l[i] += latency[s][i];
        }
      }
    }
    return new Totals(r, e, l);
  }
}
