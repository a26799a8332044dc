package dev.runway.observability.testing;

import dev.runway.common.events.LatencyBuckets;
import dev.runway.common.events.RequestStats;
import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** RequestStats as the router would publish them, for tests. */
public final class Stats {
  private Stats() {}

  /**
   * One second of a revision's traffic: {@code requests} answers, {@code errors} of them 5xx, all
   * taking {@code latencyMs}.
   */
  public static RequestStats second(
      String service,
      Environment environment,
      String region,
      String revision,
      long epochSecond,
      long requests,
      long errors,
      long latencyMs) {
    List<Long> latency = new ArrayList<>();
    int bucket = LatencyBuckets.indexOfMicros(latencyMs * 1000);
    for (int i = 0; i < LatencyBuckets.SIZE; i++) {
      latency.add(i == bucket ? requests : 0L);
    }
    return new RequestStats(
        service,
        environment,
        region,
        revision,
        Instant.ofEpochSecond(epochSecond),
        1,
        requests,
        requests - errors,
        0,
        0,
        errors,
        0,
        latency,
        (double) requests * latencyMs);
  }
}
