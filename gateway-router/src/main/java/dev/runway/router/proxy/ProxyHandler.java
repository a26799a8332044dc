package dev.runway.router.proxy;

import dev.runway.router.balancing.BackendChooser;
import dev.runway.router.balancing.OutlierDetector;
import dev.runway.router.balancing.RetryBudget;
import dev.runway.router.geo.ClientRegions;
import dev.runway.router.routes.RouteTable;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.telemetry.RouterMetrics;
import dev.runway.router.telemetry.TrafficStats;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The data plane's front door. For a request to {@code <service>[.<environment>].<domain>}: find
 * the service's route, order its regions by nearness to the client, and hand the request to a
 * {@link ProxyExchange}, which sends it where the {@link OriginPlanner} says and streams the answer
 * back through a {@link RelayPump}, retrying in the next region as its rules allow.
 */
public final class ProxyHandler implements Handler<RoutingContext> {

  /** What a proxied request needs besides the request itself. */
  public record Settings(
      long connectTimeoutMs,
      long backendTimeoutMs,
      String stickyHeader,
      long slowStartNanos,
      int panicThresholdPercent,
      TrustedProxies trustedProxies) {

    public Settings {
      if (panicThresholdPercent < 0 || panicThresholdPercent > 100) {
        throw new IllegalArgumentException(
            "runway.router.outliers.panic-threshold must lie in 0..100, got "
                + panicThresholdPercent);
      }
    }
  }

  private final RouteTable table;
  private final HostNames hosts;
  private final ClientRegions clients;
  private final RetryBudget budget;
  private final Settings settings;
  private final ExchangeWiring wiring;
  private final BooleanSupplier routesLoaded;

  /**
   * @param routesLoaded whether the route table holds what the bus held when the router started;
   *     until then a host without a route may only be one not read yet
   */
  public ProxyHandler(
      RouteTable table,
      HostNames hosts,
      ClientRegions clients,
      OutlierDetector outliers,
      RetryBudget budget,
      TrafficStats stats,
      RouterMetrics metrics,
      Supplier<HttpClient> client,
      Supplier<SilentBackends> silence,
      Settings settings,
      BooleanSupplier routesLoaded) {
    this.table = table;
    this.routesLoaded = routesLoaded;
    this.hosts = hosts;
    this.clients = clients;
    this.budget = budget;
    this.settings = settings;
    this.wiring =
        new ExchangeWiring(
            new OriginPlanner(
                new BackendChooser(settings.slowStartNanos()), settings.panicThresholdPercent()),
            outliers,
            budget,
            stats,
            metrics,
            client,
            silence,
            settings);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String host = request.authority() == null ? null : request.authority().toString();
    if (host == null || host.isBlank()) {
      Problems.send(
          ctx.response(),
          400,
          "Host header is required",
          "Name the service: Host: <service>." + "<domain>.");
      return;
    }
    if (!hosts.ours(host)) {
      ctx.next(); // the router's own endpoints: /admin/routes, /q/health, /q/metrics
      return;
    }
    HostNames.Target target = hosts.parse(host).orElse(null);
    ServiceRoute route =
        target == null ? null : table.find(target.service(), target.environment(), null);
    if (route == null && !routesLoaded.getAsBoolean()) {
      // A restarted router reads its routes from the bus for a few seconds; a 404 then would tell
      // clients a live service is gone, a 503 with Retry-After tells them to come back.
      ctx.response().putHeader("Retry-After", "1");
      Problems.send(
          ctx.response(),
          503,
          "Route table loading",
          "The router has just started and is still reading the routes from the bus; retry in a"
              + " second.");
      return;
    }
    if (route == null) {
      Problems.send(
          ctx.response(),
          404,
          "Unknown service",
          "No service answers at "
              + host
              + ": use <service>.<domain> for production or <service>.<environment>.<domain>,"
              + " for a service with a deployed region (see /admin/routes).");
      return;
    }
    boolean body = hasBody(request);
    if (body) {
      request.pause(); // streamed to the backend once connected; until then it waits
    }
    long now = System.nanoTime();
    budget.request(now / 1_000_000_000L);
    String clientAddress =
        request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    Optional<String> clientRegion =
        clients.of(request.getHeader(ClientRegions.HEADER), clientAddress);
    List<String> regions = clients.order(clientRegion, route);
    String sticky = request.getHeader(settings.stickyHeader());
    new ProxyExchange(wiring, ctx, route, regions, sticky, now, host, clientAddress, body)
        .attempt(0, true);
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      return !length.strip().equals("0");
    }
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
  }
}
