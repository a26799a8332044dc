package dev.runway.router.listener;

import dev.runway.router.config.RouterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's client-facing HTTP listener: one Vert.x server per event loop on {@code
 * quarkus.http.host}:{@code quarkus.http.port}, serving Quarkus's whole router (the proxy, {@code
 * /admin}, {@code /q/health}, {@code /q/metrics}) behind a {@link ConnectionGate}.
 *
 * <p>Quarkus's own server is off ({@code quarkus.http.host-enabled=false}) because it keeps the
 * server's connection handler to itself, and a header deadline needs one (ADR 17).
 */
@ApplicationScoped
public class GatewayListener {

  private static final Logger LOG = Logger.getLogger(GatewayListener.class);

  private String deployment;

  void start(
      @Observes StartupEvent event,
      Vertx vertx,
      RouterConfig config,
      MeterRegistry registry,
      ValueRegistry values,
      @ConfigProperty(name = "quarkus.http.host") String host,
      @ConfigProperty(name = "quarkus.http.port") int port,
      @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort)
      throws Exception {
    // As Quarkus's own server does without a WebSocket extension: the proxy relays no upgrades, and
    // with WebSockets on Vert.x answers a request line with an unknown version 501 itself (found
    // by RouterFuzzTest) instead of handing it to the router. Read when HttpServerImpl loads.
    System.setProperty("vertx.disableWebsockets", "true");
    boolean test = LaunchMode.current() == LaunchMode.TEST;
    RouterConfig.Listener limits = config.listener();
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(test ? testPort : port)
            .setTcpNoDelay(true)
            .setMaxHeaderSize(limits.maxHeaderBytes())
            .setIdleTimeout((int) limits.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    ConnectionGate gate =
        new ConnectionGate(limits.maxConnections(), limits.headerTimeout(), registry);
    Handler<HttpServerRequest> quarkus = VertxHttpRecorder.getRootHandler();
    AtomicInteger bound = new AtomicInteger();
    int loops = 0;
    for (var loop : vertx.nettyEventLoopGroup()) {
      loops++;
    }
    try {
      deployment =
          vertx
              .deployVerticle(
                  () -> new Listener(options, gate, quarkus, bound),
                  new DeploymentOptions().setInstances(loops))
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException failed) {
      throw new IllegalStateException(
          "the gateway cannot listen on "
              + host
              + ":"
              + options.getPort()
              + " ("
              + failed.getCause().getMessage()
              + "); free the port or set quarkus.http.port",
          failed.getCause());
    }
    values.register(HttpServer.HTTP_PORT, bound.get());
    if (test) {
      values.register(HttpServer.HTTP_TEST_PORT, bound.get());
    }
    LOG.infof(
        "gateway listening on http://%s:%d (%d event loops; header timeout %s, idle timeout %s,"
            + " at most %d connections)",
        host,
        bound.get(),
        loops,
        limits.headerTimeout(),
        limits.idleTimeout(),
        limits.maxConnections());
  }

  void stop(@Observes ShutdownEvent event, Vertx vertx) throws Exception {
    if (deployment != null) {
      vertx
          .undeploy(deployment)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
  }

  /** One event loop's server; Vert.x shares the port among them and spreads connections. */
  private static final class Listener extends AbstractVerticle {
    private final HttpServerOptions options;
    private final ConnectionGate gate;
    private final Handler<HttpServerRequest> requests;
    private final AtomicInteger bound;

    Listener(
        HttpServerOptions options,
        ConnectionGate gate,
        Handler<HttpServerRequest> requests,
        AtomicInteger bound) {
      this.options = options;
      this.gate = gate;
      this.requests = requests;
      this.bound = bound;
    }

    @Override
    public void start(Promise<Void> started) {
      GatedHttpServer.create(vertx, options, gate, requests)
          .listen()
          .onSuccess(
              server -> {
                bound.set(server.actualPort());
                started.complete();
              })
          .onFailure(started::fail);
    }
  }
}
