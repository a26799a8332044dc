package dev.runway.observability.windows;

import dev.runway.common.events.LatencyBuckets;
import dev.runway.observability.slo.Counts;
import java.util.Arrays;

/**
 * A window's sums: requests, 5xx answers and the latency histogram ({@link LatencyBuckets}).
 *
 * @param requests all requests
 * @param errors 5xx answers
 * @param latency requests per latency bucket
 */
public record Totals(long requests, long errors, long[] latency) {

  public static Totals empty() {
    return new Totals(0, 0, new long[LatencyBuckets.SIZE]);
  }

  /** Availability: 5xx answers are bad. */
  public Counts availability() {
    return new Counts(requests, Math.min(errors, requests));
  }

  /**
   * Latency: requests in buckets whose upper bound exceeds the threshold are bad. With a threshold
   * that is not a bucket bound, the bucket that straddles it counts as slow: the SLI errs toward
   * reporting a breach, never toward hiding one.
   */
  public Counts latency(int thresholdMs) {
    long slow = 0;
    for (int i = 0; i < latency.length; i++) {
      if (i >= LatencyBuckets.BOUNDS_MS.size() || LatencyBuckets.BOUNDS_MS.get(i) > thresholdMs) {
        slow += latency[i];
      }
    }
    return new Counts(requests, Math.min(slow, requests));
  }

  /**
   * A latency quantile in milliseconds, interpolated linearly inside its bucket as Prometheus's
   * {@code histogram_quantile} does; NaN without requests. Above the last bound it answers that
   * bound.
   */
  public double quantileMs(double q) {
    long total = Arrays.stream(latency).sum();
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    long seen = 0;
    for (int i = 0; i < latency.length; i++) {
      if (seen + latency[i] >= rank && latency[i] > 0) {
        if (i >= LatencyBuckets.BOUNDS_MS.size()) {
          return LatencyBuckets.BOUNDS_MS.get(LatencyBuckets.BOUNDS_MS.size() - 1);
        }
        double lower = i == 0 ? 0 : LatencyBuckets.BOUNDS_MS.get(i - 1);
        double upper = LatencyBuckets.BOUNDS_MS.get(i);
        return lower + (upper - lower) * (rank - seen) / latency[i];
      }
      seen += latency[i];
    }
    return LatencyBuckets.BOUNDS_MS.get(LatencyBuckets.BOUNDS_MS.size() - 1);
  }

  public Totals plus(Totals other) {
    long[] sum = latency.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.latency[i];
    }
    return new Totals(requests + other.requests, errors + other.errors, sum);
  }
}
