package dev.runway.router.balancing;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Retries may add at most a share of the load: over the last ten seconds, retries stay under {@code
 * ratio} × requests, or {@code minPerSecond} × 10 when traffic is light, so a region's outage
 * cannot double the load on the next one. Lock-free: one slot per second, reused ten seconds later.
 */
public final class RetryBudget {

  private static final int SLOTS = 10;

  private final double ratio;
  private final int minPerSecond;
  private final AtomicLongArray second = new AtomicLongArray(SLOTS);
  private final AtomicLongArray requests = new AtomicLongArray(SLOTS);
  private final AtomicLongArray retries = new AtomicLongArray(SLOTS);

  public RetryBudget(double ratio, int minPerSecond) {
    this.ratio = ratio;
    this.minPerSecond = minPerSecond;
  }

  /** Counts a request at {@code nowSecond} (any monotonic second count). */
  public void request(long nowSecond) {
    requests.incrementAndGet(slot(nowSecond));
  }

  /** Takes one retry from the budget if there is one left. */
  public boolean tryRetry(long nowSecond) {
    int slot = slot(nowSecond);
    long requestSum = 0;
    long retrySum = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (nowSecond - second.get(i) < SLOTS) {
        requestSum += requests.get(i);
        retrySum += retries.get(i);
      }
    }
    double allowed = Math.max((double) minPerSecond * SLOTS, ratio * requestSum);
    if (retrySum + 1 > allowed) {
      return false;
    }
    retries.incrementAndGet(slot);
    return true;
  }

  private int slot(long nowSecond) {
    int slot = (int) Math.floorMod(nowSecond, SLOTS);
    long seen = second.get(slot);
    if (seen != nowSecond && second.compareAndSet(slot, seen, nowSecond)) {
      requests.set(slot, 0);
      retries.set(slot, 0);
    }
    return slot;
  }
}
