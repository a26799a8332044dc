package dev.runway.router.routes;

import java.util.List;
import java.util.Map;

/**
 * Where one service in one environment answers: per region, its revisions and their weights.
 * Immutable; the route table replaces it whole.
 */
public record ServiceRoute(
    String service, String environment, Map<String, List<WeightedBackend>> regions) {

  public ServiceRoute {
    regions = Map.copyOf(regions);
  }

  /** Every backend of the service, in every region. */
  public List<Backend> backends() {
    return regions.values().stream().flatMap(List::stream).map(WeightedBackend::backend).toList();
  }
}
