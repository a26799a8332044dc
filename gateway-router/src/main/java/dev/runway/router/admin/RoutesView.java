package dev.runway.router.admin;

import dev.runway.common.manifest.Environment;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.RouteTable;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The route table as {@code GET /admin/routes} shows it: every backend with its health. */
public final class RoutesView {

  private RoutesView() {}

  /** One backend as shown. */
  public record BackendView(
      String revision,
      String url,
      int weight,
      boolean available,
      boolean activelyHealthy,
      boolean ejected,
      double ejectedForSeconds,
      int ejections,
      int consecutiveFailures,
      Double rttMs) {}

  /** One service in one environment. */
  public record ServiceView(
      String service, Environment environment, Map<String, List<BackendView>> regions) {}

  public static List<ServiceView> of(RouteTable table, long now) {
    List<ServiceView> services = new ArrayList<>();
    for (ServiceRoute route : table.all()) {
      Map<String, List<BackendView>> regions = new TreeMap<>();
      route
          .regions()
          .forEach(
              (region, backends) -> {
                List<BackendView> views = new ArrayList<>();
                for (WeightedBackend w : backends) {
                  Backend b = w.backend();
                  boolean ejected = b.state().ejected(now);
                  double rtt = b.state().rttMs();
                  views.add(
                      new BackendView(
                          b.revision(),
                          b.url(),
                          w.weight(),
                          b.state().available(now),
                          b.state().activelyHealthy(),
                          ejected,
                          ejected ? (b.state().ejectedUntil() - now) / 1e9 : 0,
                          b.state().ejections(),
                          b.state().consecutiveFailures(),
                          Double.isNaN(rtt) ? null : Math.round(rtt * 100) / 100.0));
                }
                regions.put(region, views);
              });
      services.add(new ServiceView(route.service(), route.environment(), regions));
    }
    return services;
  }
}
