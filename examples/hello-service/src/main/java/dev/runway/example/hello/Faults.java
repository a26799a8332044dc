package dev.runway.example.hello;

import java.util.Map;
import java.util.Random;

/**
 * Fault injection from the environment, so a demo can ship a bad revision.
 *
 * @param errorRate share of requests answered 500, 0 to 1 ({@code HELLO_ERROR_RATE})
 * @param extraLatencyMs added to every answer ({@code HELLO_EXTRA_LATENCY_MS})
 * @param onlyRegion when set, faults apply only in this region ({@code HELLO_FAULT_REGION})
 */
record Faults(double errorRate, long extraLatencyMs, String onlyRegion) {

  static Faults from(Map<String, String> env) {
    double rate = Double.parseDouble(env.getOrDefault("HELLO_ERROR_RATE", "0"));
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("HELLO_ERROR_RATE must be between 0 and 1, got " + rate);
    }
    return new Faults(
        rate,
        Long.parseLong(env.getOrDefault("HELLO_EXTRA_LATENCY_MS", "0")),
        env.getOrDefault("HELLO_FAULT_REGION", ""));
  }

  boolean appliesIn(String region) {
    return onlyRegion.isEmpty() || onlyRegion.equals(region);
  }

  boolean failNext(String region, Random random) {
    return appliesIn(region) && random.nextDouble() < errorRate;
  }
}
