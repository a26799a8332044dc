package dev.runway.router.listener;

import io.netty.channel.Channel;
import io.netty.handler.traffic.GlobalTrafficShapingHandler;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.SslChannelProvider;
import java.util.function.BiConsumer;

/**
 * A Vert.x HTTP server whose accepted connections pass a {@link ConnectionGate} before their first
 * byte is read. Vert.x's own connection handler runs too late for that: with h2c on, it is called
 * once the first request head has been decoded (ADR 17).
 */
final class GatedHttpServer extends HttpServerImpl {

  private final ConnectionGate gate;

  private GatedHttpServer(VertxInternal vertx, HttpServerOptions options, ConnectionGate gate) {
    super(vertx, options);
    this.gate = gate;
  }

  /**
   * A server on the calling verticle's context, as {@code vertx.createHttpServer} makes one, with
   * its requests' heads reported to the gate on their way to {@code requests}.
   */
  static HttpServer create(
      Vertx vertx,
      HttpServerOptions options,
      ConnectionGate gate,
      Handler<HttpServerRequest> requests) {
    return new GatedHttpServer((VertxInternal) vertx, options, gate)
        .requestHandler(
            request -> {
              ConnectionGate.headReceived(request);
              requests.handle(request);
            });
  }

  @Override
  protected BiConsumer<Channel, SslChannelProvider> childHandler(
      ContextInternal context, SocketAddress address, GlobalTrafficShapingHandler shaping) {
    BiConsumer<Channel, SslChannelProvider> vertx = super.childHandler(context, address, shaping);
    return (channel, ssl) -> {
      if (gate.admit(channel)) { // a refused connection is closed before Vert.x sets it up
        vertx.accept(channel, ssl);
      }
    };
  }
}
