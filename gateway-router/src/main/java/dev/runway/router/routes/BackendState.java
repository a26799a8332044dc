package dev.runway.router.routes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend's health: what active checks found, what passive outlier detection concluded, and its
 * measured round trip. Read on every request from many event loops, written by the checks and by
 * request outcomes; plain volatile fields are enough, as every decision tolerates a stale read.
 *
 * <p>Times are {@link System#nanoTime()} values.
 */
public final class BackendState {

  private volatile boolean activelyHealthy = true;
  private final AtomicInteger checkPasses = new AtomicInteger();
  private final AtomicInteger checkFailures = new AtomicInteger();
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private volatile int ejections;
  private volatile long ejectedUntil;
  private volatile long availableSince;
  private volatile boolean slowStarting;
  private volatile double rttMs = Double.NaN;

  public BackendState(long now) {
    this.availableSince = now;
    this.ejectedUntil = now; // nanoTime values are compared by difference, never with a sentinel
  }

  /** Whether requests may go to it now. */
  public boolean available(long now) {
    return activelyHealthy && now - ejectedUntil >= 0;
  }

  public boolean activelyHealthy() {
    return activelyHealthy;
  }

  public boolean ejected(long now) {
    return now - ejectedUntil < 0;
  }

  public long ejectedUntil() {
    return ejectedUntil;
  }

  public int ejections() {
    return ejections;
  }

  public int consecutiveFailures() {
    return consecutiveFailures.get();
  }

  /** The moving average of its health-check round trips, or NaN before the first. */
  public double rttMs() {
    return rttMs;
  }

  /**
   * The share of its weight it gets now: readmitted backends ramp from 10% to 100% over {@code
   * slowStartNanos}, so a backend that just recovered is not flooded.
   */
  public double weightFactor(long now, long slowStartNanos) {
    if (!slowStarting || slowStartNanos <= 0) {
      return 1.0;
    }
    double elapsed = (double) (now - availableSince) / slowStartNanos;
    if (elapsed >= 1.0) {
      slowStarting = false;
      return 1.0;
    }
    return 0.1 + 0.9 * Math.max(0, elapsed);
  }

  /** An answer that was not a server error. */
  public void succeeded() {
    if (consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
    }
  }

  /** A 5xx answer or a failed connection; returns how many there have been in a row. */
  public int failed() {
    return consecutiveFailures.incrementAndGet();
  }

  /** Takes it out of rotation until {@code until}; it slow-starts when it comes back. */
  public void eject(long now, long until) {
    ejections++;
    ejectedUntil = until;
    consecutiveFailures.set(0);
    availableSince = until;
    slowStarting = true;
  }

  /** One active check's result; returns true when it changed the backend's health. */
  public boolean checked(
      boolean passed, double rtt, int healthyThreshold, int unhealthyThreshold, long now) {
    if (passed) {
      rttMs = Double.isNaN(rttMs) ? rtt : 0.8 * rttMs + 0.2 * rtt;
      checkFailures.set(0);
      if (!activelyHealthy && checkPasses.incrementAndGet() >= healthyThreshold) {
        activelyHealthy = true;
        checkPasses.set(0);
        availableSince = now;
        slowStarting = true;
        return true;
      }
      return false;
    }
    checkPasses.set(0);
    if (activelyHealthy && checkFailures.incrementAndGet() >= unhealthyThreshold) {
      activelyHealthy = false;
      checkFailures.set(0);
      return true;
    }
    return false;
  }
}
