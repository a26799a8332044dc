package dev.runway.router.proxy;

import dev.runway.router.balancing.BackendChooser;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import java.util.List;
import java.util.Optional;

/**
 * Where the next attempt of a request goes: a pure function of the service's route, the client's
 * regions in order of nearness, the time and the request's point on the weight ring, like
 * vertx-http-proxy's origin selection. It opens no socket, so every rule is tested without one.
 */
final class OriginPlanner {

  /** A backend to send to, and the index of its region in the client's order. */
  record Origin(Backend backend, int regionIndex) {}

  private final BackendChooser chooser;
  private final int panicThresholdPercent;

  /**
   * @param panicThresholdPercent below this share of the service's backends available, health is
   *     disregarded on a first attempt (Envoy's {@code healthy_panic_threshold})
   */
  OriginPlanner(BackendChooser chooser, int panicThresholdPercent) {
    this.chooser = chooser;
    this.panicThresholdPercent = panicThresholdPercent;
  }

  /**
   * The first region at or after {@code from} with an available backend, and that backend chosen by
   * weight at {@code point}. On a first attempt ({@code firstAttempt}) while the service panics,
   * fewer than the panic threshold of its backends available, the nearest routed region's backends
   * by weight whatever their health: when most of a service looks down at once, the health checks
   * or the ejections are more likely wrong than the backends, and a refused connection still
   * retries in the next region. Otherwise none.
   */
  Optional<Origin> next(
      ServiceRoute route,
      List<String> regions,
      int from,
      boolean firstAttempt,
      long nowNanos,
      double point) {
    if (firstAttempt && from == 0 && panics(route, nowNanos)) {
      for (int i = 0; i < regions.size(); i++) {
        List<WeightedBackend> region = route.regions().get(regions.get(i));
        Backend backend = region == null ? null : BackendChooser.chooseByWeight(region, point);
        if (backend != null) {
          return Optional.of(new Origin(backend, i));
        }
      }
    }
    for (int i = from; i < regions.size(); i++) {
      List<WeightedBackend> region = route.regions().get(regions.get(i));
      if (region != null && BackendChooser.anyAvailable(region, nowNanos)) {
        Backend backend = chooser.choose(region, nowNanos, point);
        if (backend != null) {
          return Optional.of(new Origin(backend, i));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether fewer than the panic threshold of the route's weighted backends are available. */
  boolean panics(ServiceRoute route, long nowNanos) {
    int weighted = 0;
    int available = 0;
    for (List<WeightedBackend> region : route.regions().values()) {
      for (WeightedBackend candidate : region) {
        if (candidate.weight() > 0) {
          weighted++;
          available += candidate.backend().state().available(nowNanos) ? 1 : 0;
        }
      }
    }
    return weighted > 0 && available * 100L < (long) panicThresholdPercent * weighted;
  }
}
