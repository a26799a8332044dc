package dev.runway.reconciler.plan;

import java.util.Map;

/**
 * What runs in one region now.
 *
 * @param region the region
 * @param revision the revision that runs or is being deployed; null if none
 * @param status where that revision stands
 * @param traffic percent of traffic per revision name
 * @param url where the current revision answers; null if none
 * @param quarantined a revision rolled back here, never deployed here again by itself; null if none
 */
public record RegionActual(
    String region,
    String revision,
    RegionStatus status,
    Map<String, Integer> traffic,
    String url,
    String quarantined) {

  public RegionActual {
    traffic = traffic == null ? Map.of() : Map.copyOf(traffic);
  }

  public RegionActual(
      String region,
      String revision,
      RegionStatus status,
      Map<String, Integer> traffic,
      String url) {
    this(region, revision, status, traffic, url, null);
  }

  public static RegionActual absent(String region) {
    return new RegionActual(region, null, RegionStatus.ABSENT, Map.of(), null);
  }

  /** Whether all traffic goes to {@code revision}. */
  public boolean servesOnly(String revision) {
    return traffic.getOrDefault(revision, 0) == 100;
  }
}
