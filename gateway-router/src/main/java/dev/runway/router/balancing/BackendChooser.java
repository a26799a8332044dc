package dev.runway.router.balancing;

import dev.runway.router.routes.Backend;
import dev.runway.router.routes.WeightedBackend;
import java.util.List;

/**
 * Picks the backend for a request inside a region: by the revisions' weights among the backends
 * available now, a readmitted backend counting for less while it slow-starts. {@code point} in [0,
 * 1) is the request's position on the weight line: random, or a hash of a sticky header so the same
 * client lands on the same revision while the split stays.
 */
public final class BackendChooser {

  private final long slowStartNanos;

  public BackendChooser(long slowStartNanos) {
    this.slowStartNanos = slowStartNanos;
  }

  /** The chosen backend, or null when none in the region is available. */
  public Backend choose(List<WeightedBackend> region, long now, double point) {
    double total = 0;
    for (WeightedBackend candidate : region) {
      total += effectiveWeight(candidate, now);
    }
    if (total <= 0) {
      return null;
    }
    double target = point * total;
    Backend last = null;
    for (WeightedBackend candidate : region) {
      double weight = effectiveWeight(candidate, now);
      if (weight <= 0) {
        continue;
      }
      last = candidate.backend();
      target -= weight;
      if (target < 0) {
        return last;
      }
    }
    return last;
  }

  /** The backend at {@code point} by the revisions' weights alone, health disregarded. */
  public static Backend chooseByWeight(List<WeightedBackend> region, double point) {
    int total = 0;
    for (WeightedBackend candidate : region) {
      total += Math.max(0, candidate.weight());
    }
    double target = point * total;
    for (WeightedBackend candidate : region) {
      if (candidate.weight() > 0) {
        target -= candidate.weight();
        if (target < 0) {
          return candidate.backend();
        }
      }
    }
    return null;
  }

  /** Whether any backend in the region may take a request now. */
  public static boolean anyAvailable(List<WeightedBackend> region, long now) {
    for (WeightedBackend candidate : region) {
      if (candidate.weight() > 0 && candidate.backend().state().available(now)) {
        return true;
      }
    }
    return false;
  }

  private double effectiveWeight(WeightedBackend candidate, long now) {
    if (candidate.weight() <= 0 || !candidate.backend().state().available(now)) {
      return 0;
    }
    return candidate.weight() * candidate.backend().state().weightFactor(now, slowStartNanos);
  }

  /** A sticky key's fixed point on the weight line. */
  public static double pointOf(String key) {
    int h = key.hashCode() * 0x9E3779B9; // spread similar keys apart
    return (h >>> 1) / (double) (1L << 31);
  }
}
