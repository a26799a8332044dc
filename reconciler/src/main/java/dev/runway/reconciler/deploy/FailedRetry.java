package dev.runway.reconciler.deploy;

import java.time.Duration;
import java.time.Instant;

/**
 * When drift correction tries a failed region again: {@code base} after its first failure, doubling
 * with each failure in a row, at most {@code max} (like Kubernetes' CrashLoopBackOff), so a
 * transient fault (a quota, a registry hiccup, a port taken) heals by itself and a revision that
 * cannot start costs one attempt per {@code max}, not one per drift pass.
 */
record FailedRetry(Duration base, Duration max) {

  FailedRetry {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "runway.reconciler.failed-retry must be positive and at most failed-retry-max");
    }
  }

  /** How long after its {@code failures}-th failure in a row a region is tried again. */
  Duration backoff(int failures) {
    Duration wait = base;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  /** Whether a region that failed for the {@code failures}-th time at {@code failedAt} is due. */
  boolean due(int failures, Instant failedAt, Instant now) {
    return failures > 0 && !now.isBefore(failedAt.plus(backoff(failures)));
  }
}
