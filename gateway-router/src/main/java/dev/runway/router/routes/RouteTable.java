package dev.runway.router.routes;

import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
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

  /** By service, then environment: looked up per request without composing a key. */
  private final Map<String, Map<Environment, ServiceRoute>> byService = new ConcurrentHashMap<>();

  private final Map<String, Backend> backendsById = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public RouteTable(LongSupplier clock) {
    this.clock = clock;
  }

  public Optional<ServiceRoute> find(String service, Environment environment) {
    return Optional.ofNullable(find(service, environment, null));
  }

  /** The route, or {@code absent}; the request path's allocation-free lookup. */
  public ServiceRoute find(String service, Environment environment, ServiceRoute absent) {
    Map<Environment, ServiceRoute> byEnvironment = byService.get(service);
    ServiceRoute route = byEnvironment == null ? null : byEnvironment.get(environment);
    return route == null ? absent : route;
  }

  /** Every route, by service and then environment. */
  public Collection<ServiceRoute> all() {
    List<ServiceRoute> all = new java.util.ArrayList<>();
    new TreeMap<>(byService).values().forEach(e -> all.addAll(new TreeMap<>(e).values()));
    return all;
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
      byService.remove(decommissioned.service());
      forgetUnused();
      return true;
    }
    return false;
  }

  private void shift(TrafficShifted shifted) {
    for (String url : shifted.urls().values()) {
      java.util.Optional<String> refusal = BackendUrls.refusal(url);
      if (refusal.isPresent()) {
        // The whole event is refused: the region keeps the split it had.
        throw new IllegalArgumentException(
            "TrafficShifted for "
                + shifted.service()
                + " in "
                + shifted.region()
                + " names "
                + url
                + ": "
                + refusal.get());
      }
    }
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
      Environment environment,
      java.util.function.Consumer<Map<String, List<WeightedBackend>>> change) {
    // One writer (the feed thread), so reading and then replacing needs no lock.
    ServiceRoute current = find(service, environment, null);
    Map<String, List<WeightedBackend>> regions =
        current == null ? new HashMap<>() : new HashMap<>(current.regions());
    change.accept(regions);
    if (regions.isEmpty()) {
      byService.computeIfPresent(
          service,
          (k, environments) -> {
            environments.remove(environment);
            return environments.isEmpty() ? null : environments;
          });
    } else {
      byService
          .computeIfAbsent(service, k -> new ConcurrentHashMap<>())
          .put(environment, new ServiceRoute(service, environment, regions));
    }
    forgetUnused();
  }

  /** Drops the health of backends no route mentions any more. */
  private void forgetUnused() {
    java.util.Set<String> used = new java.util.HashSet<>();
    all().forEach(r -> r.backends().forEach(b -> used.add(b.id())));
    backendsById.keySet().retainAll(used);
  }
}
