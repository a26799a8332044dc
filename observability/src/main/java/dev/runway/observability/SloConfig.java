package dev.runway.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How SLOs are evaluated, under {@code runway.slo.*}. */
@ConfigMapping(prefix = "runway.slo")
public interface SloConfig {

  /**
   * Shrinks every rule window (not the thresholds): 1 is real time; 1/60 (0.016667) judges an hour
   * over a minute, for demos and tests.
   */
  @WithDefault("1")
  double timeScale();

  /** Fewer requests than this in a window is insufficient data, never "healthy". */
  @WithDefault("100")
  long minRequests();

  /** The one-sided confidence of the canary-vs-stable test. */
  @WithDefault("0.99")
  double confidence();

  /**
   * How sure a burn-rate rule must be that its long window's bad count exceeds what its factor
   * allows (one-sided binomial test) before it fires; keeps a single failure among a few hundred
   * requests from paging.
   */
  @WithDefault("0.999")
  double ruleConfidence();

  /** The period the error budget is counted over (time-scaled, like the windows). */
  @WithDefault("3d")
  Duration budgetPeriod();

  /** How often every series is evaluated. */
  @WithDefault("1s")
  Duration evaluationInterval();

  /**
   * The recent window the dashboard's requests/s, error ratio and p95 are read over; real time,
   * never scaled, so a tile answers within seconds.
   */
  @WithDefault("10s")
  Duration displayWindow();

  /**
   * How often the status of every revision with traffic is announced again although it did not
   * change (time-scaled like the windows, at least 1 s), so the rollout guard always has a fresh
   * verdict or knows it has none. Shorter than the guard's {@code runway.guard.verdict-freshness}.
   */
  @WithDefault("15s")
  Duration heartbeat();

  /**
   * How long the replica that judges holds its lease without renewing it (it renews at every
   * evaluation). When it dies, another replica takes over this long after its last renewal.
   */
  @WithDefault("5s")
  Duration judgeLease();

  /** How many timeline entries the dashboard shows per service. */
  @WithDefault("100")
  int timelineSize();
}
