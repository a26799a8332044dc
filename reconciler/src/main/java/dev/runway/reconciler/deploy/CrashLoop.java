package dev.runway.reconciler.deploy;

import java.time.Duration;
import java.time.Instant;

/**
 * When drift correction starts a dead revision again. The first death is answered at once; a
 * revision that dies again within {@code reset} of its last restart is crash-looping, and each
 * further restart waits the failed-region backoff for that many restarts (Kubernetes'
 * CrashLoopBackOff: 10 s doubling to 5 min, forgotten after 10 min of running). A revision that
 * then ran longer than {@code reset} starts the count again.
 */
record CrashLoop(FailedRetry backoff, Duration reset) {

  /** The restarts in a row that still count, given the last one's time. */
  int recent(int restarts, Instant restartedAt, Instant now) {
    if (restarts == 0 || restartedAt == null || now.isAfter(restartedAt.plus(reset))) {
      return 0;
    }
    return restarts;
  }

  /** Whether the revision may be started again now, after {@code recent} restarts in a row. */
  boolean due(int recent, Instant restartedAt, Instant now) {
    return recent == 0 || !now.isBefore(restartedAt.plus(backoff.backoff(recent)));
  }

  /** How long the restart after {@code recent + 1} restarts in a row would wait. */
  Duration next(int recent) {
    return backoff.backoff(recent + 1);
  }
}
