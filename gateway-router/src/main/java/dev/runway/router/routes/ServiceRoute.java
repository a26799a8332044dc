package dev.runway.router.routes;

import dev.runway.common.manifest.Environment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where one service in one environment answers: per region, its revisions and their weights.
 * Immutable; the route table replaces it whole. It remembers, per client region, the order its
 * regions serve in, so the hot path does not sort regions on every request.
 */
public final class ServiceRoute {

  private final String service;
  private final Environment environment;
  private final Map<String, List<WeightedBackend>> regions;
  private final Map<String, List<String>> orderByClientRegion = new ConcurrentHashMap<>();

  public ServiceRoute(
      String service, Environment environment, Map<String, List<WeightedBackend>> regions) {
    this.service = service;
    this.environment = environment;
    this.regions = Map.copyOf(regions);
  }

  public String service() {
    return service;
  }

  public Environment environment() {
    return environment;
  }

  public Map<String, List<WeightedBackend>> regions() {
    return regions;
  }

  /** Every backend of the service, in every region. */
  public List<Backend> backends() {
    return regions.values().stream().flatMap(List::stream).map(WeightedBackend::backend).toList();
  }

  /** The regions in the order they serve a client in {@code clientRegion}, computed once. */
  public List<String> orderFor(String clientRegion, Function<String, List<String>> order) {
    return orderByClientRegion.computeIfAbsent(clientRegion, order);
  }
}
