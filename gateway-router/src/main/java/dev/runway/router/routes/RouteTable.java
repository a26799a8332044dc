package dev.runway.router.routes;

import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.TrafficShifted;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per service and environment, the regions, revisions, weights and backend addresses, as the
 * reconciler's events describe them: TrafficShifted sets a region's split, RegionRemoved drops a
 * region, ServiceDecommissioned drops the service. Written by one feed thread, read by every event
 * loop: each service's route is immutable and replaced whole.
 */
public final class RouteTable {

  private final Map<String, ServiceRoute> routes = new ConcurrentHashMap<>();

  /** The same routes by service, then environment: looked up per request without a new key. */
  private final Map<String, Map<String, ServiceRoute>> byService = new ConcurrentHashMap<>();

  private final Map<String, Backend> backendsById = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public RouteTable(LongSupplier clock) {
    this.clock = clock;
  }

  public Optional<ServiceRoute> find(String service, String environment) {
    return Optional.ofNullable(find(service, environment, null));
  }

  /** The route, or {@code absent}; the request path's allocation-free lookup. */
  public ServiceRoute find(String service, String environment, ServiceRoute absent) {
    Map<String, ServiceRoute> byEnvironment = byService.get(service);
    ServiceRoute route = byEnvironment == null ? null : byEnvironment.get(environment);
    return route == null ? absent : route;
  }

  public Collection<ServiceRoute> all() {
    return new TreeMap<>(routes).values();
  }

  /** Every backend in the table, for the health checks. */
  public Collection<Backend> backends() {
    return backendsById.values();
  }

  /** Applies an event if it changes routes; returns whether it did. */
  public boolean apply(RunwayEvent event) {
    if (event instanceof TrafficShifted shifted) {
      shift(shifted);
      return true;
    }
    if (event instanceof RegionRemoved removed) {
      replace(
          removed.service(), removed.environment(), regions -> regions.remove(removed.region()));
      return true;
    }
    if (event instanceof ServiceDecommissioned decommissioned) {
      routes.keySet().removeIf(k -> k.startsWith(decommissioned.service() + "/"));
      byService.remove(decommissioned.service());
      forgetUnused();
      return true;
    }
    return false;
  }

  private void shift(TrafficShifted shifted) {
    List<WeightedBackend> split = new ArrayList<>();
    new TreeMap<>(shifted.weights())
        .forEach(
            (revision, weight) -> {
              String url = shifted.urls().get(revision);
              if (weight > 0 && url != null) {
                split.add(
                    new WeightedBackend(
                        backendsById.computeIfAbsent(
                            revision + "@" + url,
                            id ->
                                new Backend(
                                    shifted.service(),
                                    shifted.environment(),
                                    shifted.region(),
                                    revision,
                                    url,
                                    new BackendState(clock.getAsLong()))),
                        weight));
              }
            });
    replace(
        shifted.service(),
        shifted.environment(),
        regions -> {
          if (split.isEmpty()) {
            regions.remove(shifted.region());
          } else {
            regions.put(shifted.region(), List.copyOf(split));
          }
        });
  }

  private void replace(
      String service,
      String environment,
      java.util.function.Consumer<Map<String, List<WeightedBackend>>> change) {
    ServiceRoute updated =
        routes.compute(
            key(service, environment),
            (k, current) -> {
              Map<String, List<WeightedBackend>> regions =
                  current == null ? new HashMap<>() : new HashMap<>(current.regions());
              change.accept(regions);
              return regions.isEmpty() ? null : new ServiceRoute(service, environment, regions);
            });
    if (updated == null) {
      byService.computeIfPresent(
          service,
          (k, environments) -> {
            environments.remove(environment);
            return environments.isEmpty() ? null : environments;
          });
    } else {
      byService.computeIfAbsent(service, k -> new ConcurrentHashMap<>()).put(environment, updated);
    }
    forgetUnused();
  }

  /** Drops the health of backends no route mentions any more. */
  private void forgetUnused() {
    java.util.Set<String> used = new java.util.HashSet<>();
    routes.values().forEach(r -> r.backends().forEach(b -> used.add(b.id())));
    backendsById.keySet().retainAll(used);
  }

  private static String key(String service, String environment) {
    return service + "/" + environment;
  }
}
