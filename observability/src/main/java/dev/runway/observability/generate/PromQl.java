package dev.runway.observability.generate;

import dev.runway.common.events.LatencyBuckets;
import dev.runway.common.manifest.Environment;
import java.math.BigDecimal;

/** The names and label values the generated rules and dashboards share with {@code /q/metrics}. */
final class PromQl {
  private PromQl() {}

  static final String REQUESTS = "runway_requests_total";
  static final String LATENCY_BUCKET = "runway_request_latency_seconds_bucket";
  static final String LATENCY_COUNT = "runway_request_latency_seconds_count";
  static final String BY = "service, environment, region, revision";

  /**
   * The {@code le} of the largest latency bucket within the threshold, as Prometheus prints it:
   * requests in buckets above it are slow, as observability's own latency SLI counts them.
   */
  static String le(int thresholdMs) {
    long bound = LatencyBuckets.BOUNDS_MS.get(0);
    for (long b : LatencyBuckets.BOUNDS_MS) {
      if (b <= thresholdMs) {
        bound = b;
      }
    }
    return BigDecimal.valueOf(bound).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

  static String selector(String service, Environment environment) {
    return "service=\"" + service + "\",environment=\"" + environment + "\"";
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
