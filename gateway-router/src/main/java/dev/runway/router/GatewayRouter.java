package dev.runway.router;

import dev.runway.common.regions.RegionCatalogue;
import dev.runway.router.admin.AdminApi;
import dev.runway.router.balancing.OutlierDetector;
import dev.runway.router.balancing.RetryBudget;
import dev.runway.router.config.RouterConfig;
import dev.runway.router.geo.ClientRegions;
import dev.runway.router.geo.RegionDistances;
import dev.runway.router.health.ActiveHealthChecks;
import dev.runway.router.proxy.HostNames;
import dev.runway.router.proxy.ProxyHandler;
import dev.runway.router.proxy.SilentBackends;
import dev.runway.router.proxy.TrustedProxies;
import dev.runway.router.routes.RouteFeed;
import dev.runway.router.routes.RouteTable;
import dev.runway.router.telemetry.RouterMetrics;
import dev.runway.router.telemetry.StatsPublisher;
import dev.runway.router.telemetry.TrafficStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the router together on Quarkus's own Vert.x HTTP server: the proxy first, for every host
 * under the domain; {@code /admin/routes}, {@code /q/health} and {@code /q/metrics} for the rest.
 */
@ApplicationScoped
public class GatewayRouter {

  private final RouteTable table = new RouteTable(System::nanoTime);
  private final TrafficStats stats = new TrafficStats(Instant.now());
  private RouteFeed feed;
  private ActiveHealthChecks checks;
  private StatsPublisher publisher;
  private long statsTimer = -1;

  void start(
      @Observes Router router,
      Vertx vertx,
      RouterConfig config,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String kafka) {
    RegionDistances distances = new RegionDistances(RegionCatalogue.cloudRun(), config.rtt());
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setDecompressionSupported(false)
            .setConnectTimeout((int) config.connectTimeout().toMillis());
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.poolSizePerBackend());
    ThreadLocal<HttpClient> backends =
        ThreadLocal.withInitial(() -> vertx.createHttpClient(options, pool));
    ProxyHandler proxy =
        new ProxyHandler(
            table,
            new HostNames(config.domain()),
            new ClientRegions(distances, config.clientNetworks()),
            new OutlierDetector(
                config.outliers().consecutiveFailures(),
                config.outliers().baseEjection(),
                config.outliers().maxEjection(),
                config.outliers().maxEjectionPercent()),
            new RetryBudget(config.retries().budgetRatio(), config.retries().minPerSecond()),
            stats,
            new RouterMetrics(registry),
            backends::get,
            SilentBackends.perEventLoop(vertx, config.backendTimeout().toMillis())::get,
            new ProxyHandler.Settings(
                config.connectTimeout().toMillis(),
                config.backendTimeout().toMillis(),
                config.stickyHeader(),
                config.outliers().slowStart().toNanos(),
                config.outliers().panicThreshold(),
                TrustedProxies.of(config.trustedProxies().orElse(java.util.List.of()))),
            this::routesReady);
    router.route().order(Integer.MIN_VALUE + 10).handler(proxy);
    AdminApi.mount(router, table);

    feed =
        new RouteFeed(
            kafka,
            table,
            io.micrometer.core.instrument.Counter.builder("runway.router.routes.skipped")
                .description("Route events the route table refused (logged with their offset)")
                .register(registry));
    feed.start();
    checks =
        new ActiveHealthChecks(
            vertx,
            vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)),
            table,
            new ActiveHealthChecks.Settings(
                config.health().path(),
                config.health().interval().toMillis(),
                config.health().timeout().toMillis(),
                config.health().healthyThreshold(),
                config.health().unhealthyThreshold()));
    checks.start();
    publisher = new StatsPublisher(kafka);
    statsTimer =
        vertx.setPeriodic(
            config.statsInterval().toMillis(),
            id ->
                vertx.executeBlocking(
                    () -> {
                      publisher.publish(stats.roll(Instant.now()));
                      return null;
                    },
                    false));
  }

  void stop(@Observes ShutdownEvent event, Vertx vertx) {
    if (statsTimer >= 0) {
      vertx.cancelTimer(statsTimer);
    }
    if (checks != null) {
      checks.stop();
    }
    if (feed != null) {
      feed.close();
    }
    if (publisher != null) {
      publisher.close();
    }
  }

  /** Whether the route table holds what the bus held at start: the router's readiness. */
  public boolean routesReady() {
    return feed != null && feed.caughtUp();
  }
}
