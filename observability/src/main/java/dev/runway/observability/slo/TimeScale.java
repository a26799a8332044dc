package dev.runway.observability.slo;

import java.time.Duration;

/**
 * Shrinks every window by one factor, for demos and tests: with 1/60 an hour is judged over a
 * minute. The rules and thresholds are unchanged, so a scaled run detects what a real-time run
 * detects, in the scaled time. Windows are whole seconds (telemetry comes per second), at least 1.
 *
 * @param factor 1 for real time; 0.01 makes every window 100 times shorter
 */
public record TimeScale(double factor) {

  public static final TimeScale REAL_TIME = new TimeScale(1);

  public TimeScale {
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException(
          "runway.slo.time-scale must lie in (0, 1]; 1 is real time, 0.01 a hundred times faster");
    }
  }

  /** The window's length in whole seconds after scaling. */
  public long seconds(Duration window) {
    return Math.max(1, Math.round(window.toSeconds() * factor));
  }
}
