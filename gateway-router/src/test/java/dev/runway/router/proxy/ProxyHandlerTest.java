package dev.runway.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.regions.RegionCatalogue;
import dev.runway.router.balancing.OutlierDetector;
import dev.runway.router.balancing.RetryBudget;
import dev.runway.router.geo.ClientRegions;
import dev.runway.router.geo.RegionDistances;
import dev.runway.router.routes.RouteTable;
import dev.runway.router.telemetry.RouterMetrics;
import dev.runway.router.telemetry.TrafficStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy on a bare Vert.x server, for what a running platform cannot show on demand. */
class ProxyHandlerTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicBoolean loaded = new AtomicBoolean(false);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    RouteTable table = new RouteTable(System::nanoTime);
    ProxyHandler proxy =
        new ProxyHandler(
            table,
            new HostNames("runway.localhost"),
            new ClientRegions(new RegionDistances(RegionCatalogue.cloudRun(), Map.of()), Map.of()),
            new OutlierDetector(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 10),
            new RetryBudget(0.1, 3),
            new TrafficStats(Instant.now()),
            new RouterMetrics(new SimpleMeterRegistry()),
            () -> vertx.createHttpClient(),
            SilentBackends.perEventLoop(vertx, 1000)::get,
            new ProxyHandler.Settings(
                1000, 1000, "X-Runway-Session", 0, 50, TrustedProxies.of(List.of())),
            loaded::get);
    Router router = Router.router(vertx);
    router.route().handler(proxy);
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpClientResponse get(String host) throws Exception {
    return vertx
        .createHttpClient()
        .request(
            new RequestOptions()
                .setHost("127.0.0.1")
                .setPort(server.actualPort())
                .setURI("/")
                .putHeader("Host", host))
        .compose(r -> r.send())
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldAskClientsToComeBackWhileTheRouteTableIsStillLoading() throws Exception {
    HttpClientResponse loading = get("some-service.runway.localhost");

    assertThat(loading.statusCode()).isEqualTo(503);
    assertThat(loading.getHeader("Retry-After")).isEqualTo("1");
    assertThat(loading.getHeader("Content-Type")).isEqualTo("application/problem+json");

    // once the table holds what the bus held, a host without a route is unknown for good
    loaded.set(true);
    assertThat(get("some-service.runway.localhost").statusCode()).isEqualTo(404);
  }
}
