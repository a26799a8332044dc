package dev.runway.router.health;

import dev.runway.router.routes.Backend;
import dev.runway.router.routes.RouteTable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.jboss.logging.Logger;

/**
 * Probes every backend's health path on an interval, off the request path. A backend turns
 * unhealthy after so many failed probes in a row and healthy again after so many passes; every pass
 * also feeds its round-trip average, which orders regions for clients of unknown location.
 */
public final class ActiveHealthChecks {

  private static final Logger LOG = Logger.getLogger(ActiveHealthChecks.class);

  /** How the checks run. */
  public record Settings(
      String path, long intervalMs, long timeoutMs, int healthyThreshold, int unhealthyThreshold) {}

  private final Vertx vertx;
  private final HttpClient client;
  private final RouteTable table;
  private final Settings settings;
  private long timer = -1;

  public ActiveHealthChecks(Vertx vertx, HttpClient client, RouteTable table, Settings settings) {
    this.vertx = vertx;
    this.client = client;
    this.table = table;
    this.settings = settings;
  }

  public void start() {
    timer = vertx.setPeriodic(settings.intervalMs(), id -> table.backends().forEach(this::probe));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void probe(Backend backend) {
    long start = System.nanoTime();
    client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(backend.host())
                .setPort(backend.port())
                .setSsl(backend.tls())
                .setURI(settings.path())
                .putHeader("Host", backend.authority())
                .putHeader("User-Agent", "runway-gateway-router/health")
                .setConnectTimeout(settings.timeoutMs())
                .setIdleTimeout(settings.timeoutMs()))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(
            result -> {
              boolean passed = result.succeeded() && result.result() / 100 == 2;
              double rttMs = (System.nanoTime() - start) / 1e6;
              boolean changed =
                  backend
                      .state()
                      .checked(
                          passed,
                          rttMs,
                          settings.healthyThreshold(),
                          settings.unhealthyThreshold(),
                          System.nanoTime());
              if (changed && passed) {
                LOG.infof("%s is healthy again", backend);
              } else if (changed) {
                LOG.warnf(
                    "%s is unhealthy: %s",
                    backend,
                    result.succeeded()
                        ? "GET " + settings.path() + " answered " + result.result()
                        : result.cause().getMessage());
              }
            });
  }
}
