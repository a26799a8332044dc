package dev.runway.router.geo;

import dev.runway.common.regions.Region;
import dev.runway.common.regions.RegionCatalogue;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far regions are from each other, as an estimated round trip: light in fibre covers about 200
 * km per millisecond and real paths run about 1.5 times the great circle, so {@code rtt = 2 × 1.5 ×
 * km / 200}. Measured figures given in configuration replace the estimate.
 */
public final class RegionDistances {

  private static final double EARTH_RADIUS_KM = 6371.0;
  private static final double KM_PER_MS_IN_FIBRE = 200.0;
  private static final double PATH_STRETCH = 1.5;

  private final RegionCatalogue catalogue;
  private final Map<String, Double> measuredMs = new HashMap<>();
  private final Map<String, Double> known = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param measured round trips by {@code "from>to"}; each also applies the other way
   */
  public RegionDistances(RegionCatalogue catalogue, Map<String, Duration> measured) {
    this.catalogue = catalogue;
    measured.forEach(
        (pair, rtt) -> {
          String[] ends = pair.split(">", 2);
          if (ends.length != 2) {
            throw new IllegalArgumentException(
                "runway.router.rtt key '"
                    + pair
                    + "' must be \"from>to\", like europe-west1>us-east1");
          }
          double ms = rtt.toNanos() / 1e6;
          measuredMs.put(ends[0].strip() + ">" + ends[1].strip(), ms);
          measuredMs.put(ends[1].strip() + ">" + ends[0].strip(), ms);
        });
  }

  /** The estimated (or measured) round trip in milliseconds; unknown regions are infinitely far. */
  public double rttMs(String from, String to) {
    if (from.equals(to)) {
      return 0;
    }
    return known.computeIfAbsent(from + ">" + to, pair -> compute(from, to));
  }

  private double compute(String from, String to) {
    Double measured = measuredMs.get(from + ">" + to);
    if (measured != null) {
      return measured;
    }
    Optional<Region> a = catalogue.find(from);
    Optional<Region> b = catalogue.find(to);
    if (a.isEmpty() || b.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    return 2 * PATH_STRETCH * greatCircleKm(a.get(), b.get()) / KM_PER_MS_IN_FIBRE;
  }

  /** The candidates nearest first, as seen from {@code from}; ties by name. */
  public List<String> nearestFirst(String from, Collection<String> candidates) {
    return candidates.stream()
        .sorted(
            Comparator.comparingDouble((String region) -> rttMs(from, region))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  public boolean knows(String region) {
    return catalogue.contains(region);
  }

  static double greatCircleKm(Region a, Region b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
