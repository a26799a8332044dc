package dev.runway.cli.demo;

import java.util.Map;

/** The settings the demo runs the platform with, for {@code runwayctl demo} and its test. */
public final class DemoSettings {
  private DemoSettings() {}

  /**
   * The platform's environment for the demo: demo time, SLO windows fifty times shorter (an hour is
   * 72 s) and fewer requests needed per window; a dead revision is noticed within 5 s. Thresholds
   * and rules stay as in production. Settings already in {@code base} win.
   */
  public static Map<String, String> of(Map<String, String> base) {
    Map<String, String> env = new java.util.HashMap<>(base);
    env.putIfAbsent("RUNWAY_SLO_TIME_SCALE", "0.02");
    env.putIfAbsent("RUNWAY_SLO_MIN_REQUESTS", "20");
    env.putIfAbsent("RUNWAY_RECONCILER_DRIFT_INTERVAL", "5s");
    return env;
  }
}
