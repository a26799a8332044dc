package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.util.Map;

/**
 * The traffic split between revisions changed in one region.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param weights percent of traffic per revision name; they add up to 100
 * @param urls where each revision in the split answers
 */
public record TrafficShifted(
    String service,
    Environment environment,
    String region,
    Map<String, Integer> weights,
    Map<String, String> urls)
    implements RunwayEvent {

  public TrafficShifted {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    weights = Map.copyOf(weights);
    urls = urls == null ? Map.of() : Map.copyOf(urls);
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total != 100) {
      throw new IllegalArgumentException("weights must add up to 100, got " + total);
    }
  }
}
