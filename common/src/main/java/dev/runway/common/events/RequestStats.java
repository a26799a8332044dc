package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.List;

/**
 * One second of one revision's traffic in one region, as the gateway router served it. Nothing is
 * published per request; a second with no traffic publishes nothing.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region that served
 * @param revision the revision that served
 * @param windowStart the start of the second, UTC
 * @param windowSeconds the window's length; 1
 * @param requests answers given to clients by this revision, router errors (502, 504) included
 * @param status2xx answers 1xx and 2xx
 * @param status3xx answers 3xx
 * @param status4xx answers 4xx
 * @param status5xx answers 5xx, including 502 when the revision could not be reached and 504 when
 *     it did not answer in time
 * @param connectFailures attempts that could not connect to the revision, whether or not a retry
 *     elsewhere then answered
 * @param latencyCounts requests per latency bucket ({@link LatencyBuckets#BOUNDS_MS}, then one
 *     above the last bound): time from the request's arrival to the response's last byte
 * @param latencySumMs the sum of those latencies, for the mean
 */
public record RequestStats(
    String service,
    Environment environment,
    String region,
    String revision,
    Instant windowStart,
    int windowSeconds,
    long requests,
    long status2xx,
    long status3xx,
    long status4xx,
    long status5xx,
    long connectFailures,
    List<Long> latencyCounts,
    double latencySumMs)
    implements RunwayEvent {

  public RequestStats {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    if (windowStart == null) {
      throw new IllegalArgumentException("window_start is required");
    }
    latencyCounts = Require.list(latencyCounts, "latency_counts");
    if (latencyCounts.size() != LatencyBuckets.SIZE) {
      throw new IllegalArgumentException(
          "latency_counts must have "
              + LatencyBuckets.SIZE
              + " buckets (LatencyBuckets.BOUNDS_MS and one above), got "
              + latencyCounts.size());
    }
    if (status2xx + status3xx + status4xx + status5xx != requests) {
      throw new IllegalArgumentException(
          "requests must equal the sum of the status classes, got "
              + requests
              + " against "
              + (status2xx + status3xx + status4xx + status5xx));
    }
  }
}
