package dev.runway.router.proxy;

import dev.runway.router.balancing.BackendChooser;
import dev.runway.router.balancing.OutlierDetector;
import dev.runway.router.balancing.RetryBudget;
import dev.runway.router.geo.ClientRegions;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.RouteTable;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import dev.runway.router.telemetry.RevisionKey;
import dev.runway.router.telemetry.RouterMetrics;
import dev.runway.router.telemetry.TrafficStats;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The data plane. For a request to {@code <service>[.<environment>].<domain>}: order the service's
 * regions by nearness to the client, take the first with an available backend, choose a revision
 * there by weight, and stream the request and the answer through pooled keep-alive connections. A
 * connection that fails (the request never left) is retried in the next region whatever the method;
 * a 5xx to an idempotent request without a body is retried there too; both within the retry budget.
 * A backend silent for longer than the backend timeout gets the client a 504.
 */
public final class ProxyHandler implements Handler<RoutingContext> {

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.OPTIONS,
          HttpMethod.TRACE,
          HttpMethod.PUT,
          HttpMethod.DELETE);

  /** What a proxied request needs besides the request itself. */
  public record Settings(
      long connectTimeoutMs, long backendTimeoutMs, String stickyHeader, long slowStartNanos) {}

  private final RouteTable table;
  private final HostNames hosts;
  private final ClientRegions clients;
  private final BackendChooser chooser;
  private final OutlierDetector outliers;
  private final RetryBudget budget;
  private final TrafficStats stats;
  private final RouterMetrics metrics;
  private final Supplier<HttpClient> client;
  private final Supplier<SilentBackends> silence;
  private final Settings settings;

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
      Settings settings) {
    this.table = table;
    this.hosts = hosts;
    this.clients = clients;
    this.chooser = new BackendChooser(settings.slowStartNanos());
    this.outliers = outliers;
    this.budget = budget;
    this.stats = stats;
    this.metrics = metrics;
    this.client = client;
    this.silence = silence;
    this.settings = settings;
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
    new Exchange(ctx, route, regions, sticky, now, host, clientAddress, body).attempt(0, true);
  }

  /** One client request through its attempts. */
  private final class Exchange extends SilentBackends.Watched {
    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final ServiceRoute route;
    private final List<String> regions;
    private final String sticky;
    private final long start;
    private final String authority;
    private final String clientAddress;
    private final boolean body;
    private final boolean replayable;
    private final SilentBackends silent = silence.get();
    private HttpClientRequest outbound;
    private boolean timedOut;
    private boolean finished;

    Exchange(
        RoutingContext ctx,
        ServiceRoute route,
        List<String> regions,
        String sticky,
        long start,
        String authority,
        String clientAddress,
        boolean body) {
      this.ctx = ctx;
      this.request = ctx.request();
      this.route = route;
      this.regions = regions;
      this.sticky = sticky;
      this.start = start;
      this.authority = authority;
      this.clientAddress = clientAddress;
      this.body = body;
      this.replayable = IDEMPOTENT.contains(request.method()) && !body;
    }

    @Override
    protected void silentTooLong() {
      timedOut = true;
      outbound.reset(0, new TimeoutException("backend silent"));
    }

    /**
     * Sends to the first region at or after {@code from} with an available backend; with none
     * available anywhere ({@code failOpen}), to the nearest region's backend regardless.
     */
    void attempt(int from, boolean failOpen) {
      long now = System.nanoTime();
      for (int i = from; i < regions.size(); i++) {
        List<WeightedBackend> region = route.regions().get(regions.get(i));
        if (region != null && BackendChooser.anyAvailable(region, now)) {
          Backend backend = chooser.choose(region, now, point());
          if (backend != null) {
            send(backend, i);
            return;
          }
        }
      }
      if (failOpen && from == 0 && !regions.isEmpty()) {
        // Every backend is unhealthy or ejected: try the nearest anyway rather than refuse.
        List<WeightedBackend> nearest = route.regions().get(regions.get(0));
        send(nearest.get(0).backend(), 0);
        return;
      }
      Problems.send(
          ctx.response(),
          503,
          "No healthy region",
          "Every region of " + route.service() + " is unhealthy or ejected; see /admin/routes.");
    }

    private double point() {
      return sticky == null
          ? ThreadLocalRandom.current().nextDouble()
          : BackendChooser.pointOf(sticky);
    }

    private void send(Backend backend, int regionIndex) {
      silent.unwatch(this); // a retry: the failed attempt's clock stops
      RequestOptions options =
          new RequestOptions()
              .setMethod(request.method())
              .setHost(backend.host())
              .setPort(backend.port())
              .setSsl(backend.tls())
              .setURI(request.uri())
              .setConnectTimeout(settings.connectTimeoutMs());
      client
          .get()
          .request(options)
          .onComplete(
              connected -> {
                if (connected.failed()) {
                  connectFailed(backend, regionIndex, connected.cause());
                } else {
                  exchange(backend, regionIndex, connected.result());
                }
              });
    }

    /** The request never reached the backend, so any method may go to the next region. */
    private void connectFailed(Backend backend, int regionIndex, Throwable cause) {
      RevisionKey key = key(backend);
      stats.connectFailed(key);
      metrics.connectFailed(key);
      outliers.failed(backend, route, System.nanoTime());
      if (regionIndex + 1 < regions.size() && budget.tryRetry(System.nanoTime() / 1_000_000_000L)) {
        attempt(regionIndex + 1, false);
        return;
      }
      answerError(backend, 502, "Backend unreachable", backend + ": " + cause.getMessage());
    }

    private void exchange(Backend backend, int regionIndex, HttpClientRequest outbound) {
      this.outbound = outbound;
      ProxyHeaders.toBackend(
          request.headers(),
          authority,
          clientAddress,
          request.scheme() == null ? "http" : request.scheme(),
          backend.authority(),
          outbound.headers());
      silent.watch(this, System.nanoTime());
      var sent = body ? outbound.send(request) : outbound.send();
      sent.onComplete(
          answered -> {
            if (answered.failed()) {
              failedAfterSending(backend, regionIndex, answered.cause());
            } else {
              relay(backend, regionIndex, answered.result());
            }
          });
    }

    private void failedAfterSending(Backend backend, int regionIndex, Throwable cause) {
      silent.unwatch(this);
      outliers.failed(backend, route, System.nanoTime());
      if (!timedOut && replayable && retry(regionIndex)) {
        return;
      }
      if (ctx.response().headWritten()) {
        ctx.response().reset();
        record(backend, 502);
        return;
      }
      answerError(
          backend,
          timedOut ? 504 : 502,
          timedOut ? "Backend timed out" : "Backend failed",
          timedOut
              ? backend + " sent nothing for " + settings.backendTimeoutMs() + " ms"
              : backend + ": " + cause.getMessage());
    }

    private void relay(Backend backend, int regionIndex, HttpClientResponse answer) {
      silent.heard(this, System.nanoTime());
      int status = answer.statusCode();
      if (status >= 500) {
        outliers.failed(backend, route, System.nanoTime());
        if (replayable && regionIndex + 1 < regions.size() && retry(regionIndex)) {
          answer.handler(null).endHandler(null).exceptionHandler(null);
          answer.resume(); // discard the failed answer; its connection goes back to the pool
          return;
        }
      } else {
        outliers.succeeded(backend);
      }
      HttpServerResponse response = ctx.response();
      response.setStatusCode(status);
      boolean h2 = request.version() == HttpVersion.HTTP_2;
      ProxyHeaders.copyEndToEnd(answer.headers(), response.headers(), h2);
      identify(response, backend);
      if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)
          && request.version() != HttpVersion.HTTP_2
          && request.method() != HttpMethod.HEAD
          && status != 204
          && status != 304) {
        response.setChunked(true);
      }
      stream(backend, status, answer, response);
    }

    /**
     * Streams the answer's body to the client as it comes, pausing the backend while the client's
     * write queue is full. A client that goes away takes the backend request with it; a backend
     * that fails or falls silent mid-answer resets the client's stream.
     */
    private void stream(
        Backend backend, int status, HttpClientResponse answer, HttpServerResponse response) {
      response.closeHandler(
          closed -> {
            if (!finished) {
              outbound.reset();
              finish(backend, status, false);
            }
          });
      answer.exceptionHandler(failed -> finish(backend, status, false));
      answer.endHandler(
          ended -> {
            if (!finished) {
              response.end();
              finish(backend, status, true);
            }
          });
      answer.handler(
          chunk -> {
            if (finished) {
              return;
            }
            silent.heard(this, System.nanoTime());
            response.write(chunk);
            if (response.writeQueueFull()) {
              answer.pause();
              response.drainHandler(drained -> answer.resume());
            }
          });
    }

    private void finish(Backend backend, int status, boolean complete) {
      if (finished) {
        return;
      }
      finished = true;
      silent.unwatch(this);
      if (!complete && !ctx.response().ended()) {
        ctx.response().reset();
      }
      record(backend, status);
    }

    private boolean retry(int regionIndex) {
      if (regionIndex + 1 >= regions.size()
          || !budget.tryRetry(System.nanoTime() / 1_000_000_000L)) {
        return false;
      }
      attempt(regionIndex + 1, false);
      return true;
    }

    private void answerError(Backend backend, int status, String title, String detail) {
      request.resume(); // a body nobody will read: let it drain
      identify(ctx.response(), backend);
      Problems.send(ctx.response(), status, title, detail);
      record(backend, status);
    }

    private void record(Backend backend, int status) {
      long micros = (System.nanoTime() - start) / 1000;
      RevisionKey key = key(backend);
      stats.answered(key, status, micros);
      metrics.answered(key, status, micros);
    }
  }

  /** Which region and revision answered. */
  private static void identify(HttpServerResponse response, Backend backend) {
    response.putHeader("x-runway-region", backend.region());
    response.putHeader("x-runway-revision", backend.revision());
  }

  private static RevisionKey key(Backend backend) {
    return new RevisionKey(
        backend.service(), backend.environment(), backend.region(), backend.revision());
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
