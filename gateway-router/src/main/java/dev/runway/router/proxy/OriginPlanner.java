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

  OriginPlanner(BackendChooser chooser) {
    this.chooser = chooser;
  }

  /**
   * The first region at or after {@code from} with an available backend, and that backend chosen by
   * weight at {@code point}; with none available anywhere and {@code failOpen}, the nearest
   * region's first backend regardless (better a try than a refusal); otherwise none.
   */
  Optional<Origin> next(
      ServiceRoute route,
      List<String> regions,
      int from,
      boolean failOpen,
      long nowNanos,
      double point) {
    for (int i = from; i < regions.size(); i++) {
      List<WeightedBackend> region = route.regions().get(regions.get(i));
      if (region != null && BackendChooser.anyAvailable(region, nowNanos)) {
        Backend backend = chooser.choose(region, nowNanos, point);
        if (backend != null) {
          return Optional.of(new Origin(backend, i));
        }
      }
    }
    if (failOpen && from == 0 && !regions.isEmpty()) {
      List<WeightedBackend> nearest = route.regions().get(regions.get(0));
      if (nearest != null && !nearest.isEmpty()) {
        return Optional.of(new Origin(nearest.get(0).backend(), 0));
      }
    }
    return Optional.empty();
  }
}
