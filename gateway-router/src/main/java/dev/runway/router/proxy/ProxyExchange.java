package dev.runway.router.proxy;

import dev.runway.router.balancing.BackendChooser;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.telemetry.RevisionKey;
import io.vertx.core.Future;
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
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * One client request through its attempts. A connection that fails (the request never left) is
 * retried in the next region whatever the method; a 5xx to an idempotent request without a body is
 * retried there too; both within the retry budget. A backend silent for longer than the backend
 * timeout gets the client a 504, unless it was waiting for the client's own body (a 408).
 */
final class ProxyExchange extends SilentBackends.Watched {

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.OPTIONS,
          HttpMethod.TRACE,
          HttpMethod.PUT,
          HttpMethod.DELETE);

  private final ExchangeWiring wiring;
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
  private final SilentBackends silent;
  private HttpClientRequest outbound;
  private boolean timedOut;

  ProxyExchange(
      ExchangeWiring wiring,
      RoutingContext ctx,
      ServiceRoute route,
      List<String> regions,
      String sticky,
      long start,
      String authority,
      String clientAddress,
      boolean body) {
    this.wiring = wiring;
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
    this.silent = wiring.silence().get();
  }

  @Override
  protected void silentTooLong() {
    timedOut = true;
    outbound.reset(0, new TimeoutException("backend silent"));
  }

  /** Sends to the origin the planner picks from region {@code from} on, or answers 503. */
  void attempt(int from, boolean firstAttempt) {
    double point =
        sticky == null ? ThreadLocalRandom.current().nextDouble() : BackendChooser.pointOf(sticky);
    wiring
        .origins()
        .next(route, regions, from, firstAttempt, System.nanoTime(), point)
        .ifPresentOrElse(
            origin -> send(origin.backend(), origin.regionIndex()),
            () ->
                Problems.send(
                    ctx.response(),
                    503,
                    "No healthy region",
                    "Every region of "
                        + route.service()
                        + " is unhealthy or ejected; see /admin/routes."));
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
            .setConnectTimeout(wiring.settings().connectTimeoutMs());
    wiring
        .client()
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

  /**
   * The request never reached the backend (no connection, or its first write refused), so any
   * method may go to the next region.
   */
  private void connectFailed(Backend backend, int regionIndex, Throwable cause) {
    RevisionKey key = key(backend);
    wiring.stats().connectFailed(key);
    wiring.metrics().connectFailed(key);
    wiring.outliers().failed(backend, route, System.nanoTime());
    if (retry(regionIndex)) {
      return;
    }
    answerError(backend, 502, "Backend unreachable", backend + ": " + cause.getMessage());
  }

  private void exchange(Backend backend, int regionIndex, HttpClientRequest outbound) {
    this.outbound = outbound;
    // Every failure of the backend request reaches its futures (the head's, the answer's); what
    // is left for this handler is our own reset when the client goes, which Vert.x would log at
    // ERROR without one.
    outbound.exceptionHandler(handledByTheFutures -> {});
    ProxyHeaders.toBackend(
        request.headers(),
        authority,
        clientAddress,
        request.scheme() == null ? "http" : request.scheme(),
        backend.authority(),
        wiring.settings().trustedProxies().trusts(clientAddress),
        outbound.headers());
    silent.watch(this, System.nanoTime());
    // The head goes out first, and alone when a body follows: a pooled connection whose backend
    // has just died (its close not yet seen by the pool) refuses that first write, and then
    // nothing reached the backend and the client's body is still unread, so the request may go
    // to the next region whatever its method, as after a refused connection.
    if (body && !outbound.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
      outbound.setChunked(true); // a body of unknown length (HTTP/2 in, or chunked) goes chunked
    }
    Future<Void> head = body ? outbound.sendHead() : outbound.end();
    head.onComplete(
        written -> {
          if (written.failed()) {
            silent.unwatch(this);
            connectFailed(backend, regionIndex, written.cause());
            return;
          }
          if (body) {
            // what send(body) does, but the head is out already; a failed pipe fails the answer
            request.pipeTo(outbound).onFailure(e -> outbound.reset(0, e));
          }
          outbound
              .response()
              .onComplete(
                  answered -> {
                    if (answered.failed()) {
                      failedAfterSending(backend, regionIndex, answered.cause());
                    } else {
                      relay(backend, regionIndex, answered.result());
                    }
                  });
        });
  }

  private void failedAfterSending(Backend backend, int regionIndex, Throwable cause) {
    silent.unwatch(this);
    if (timedOut && body && !request.isEnded()) {
      // The backend waited for a body the client promised and did not send: the client's fault,
      // so neither an outlier mark nor a 5xx against the revision's error budget.
      answerError(
          backend,
          408,
          "Request body incomplete",
          "the request's body did not arrive within "
              + wiring.settings().backendTimeoutMs()
              + " ms; send as many bytes as Content-Length says, or end the chunked body");
      return;
    }
    wiring.outliers().failed(backend, route, System.nanoTime());
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
            ? backend + " sent nothing for " + wiring.settings().backendTimeoutMs() + " ms"
            : backend + ": " + cause.getMessage());
  }

  private void relay(Backend backend, int regionIndex, HttpClientResponse answer) {
    silent.heard(this, System.nanoTime());
    int status = answer.statusCode();
    if (status >= 500) {
      wiring.outliers().failed(backend, route, System.nanoTime());
      if (replayable && retry(regionIndex)) {
        answer.handler(null).endHandler(null).exceptionHandler(null);
        answer.resume(); // discard the failed answer; its connection goes back to the pool
        return;
      }
    } else {
      wiring.outliers().succeeded(backend);
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
    // A client that goes away takes the backend request with it; a backend that fails or falls
    // silent mid-answer resets the client's stream.
    RelayPump.start(
        answer,
        response,
        new RelayPump.Listener() {
          @Override
          public void heard() {
            silent.heard(ProxyExchange.this, System.nanoTime());
          }

          @Override
          public void clientGone() {
            outbound.reset();
          }

          @Override
          public void ended(boolean complete) {
            finish(backend, status, complete);
          }
        });
  }

  private void finish(Backend backend, int status, boolean complete) {
    silent.unwatch(this);
    if (!complete && !ctx.response().ended()) {
      ctx.response().reset();
    }
    record(backend, status);
  }

  /** Tries the next region, when there is one and the retry budget allows. */
  private boolean retry(int regionIndex) {
    if (regionIndex + 1 >= regions.size()
        || !wiring.budget().tryRetry(System.nanoTime() / 1_000_000_000L)) {
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
    wiring.stats().answered(key, status, micros);
    wiring.metrics().answered(key, status, micros);
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
}
