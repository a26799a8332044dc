package dev.runway.router.listener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * What every client connection passes on its way in, at its accept: the connection limit, then the
 * header deadline. Shared by the listener's servers on every event loop, so the limit is the
 * gateway's.
 */
final class ConnectionGate {

  private static final Logger LOG = Logger.getLogger(ConnectionGate.class);

  private final int maxConnections;
  private final Duration headerTimeout;
  private final AtomicInteger open = new AtomicInteger();
  private final Counter refused;
  private final Counter headerTimeouts;

  ConnectionGate(int maxConnections, Duration headerTimeout, MeterRegistry registry) {
    this.maxConnections = maxConnections;
    this.headerTimeout = headerTimeout;
    Gauge.builder("runway.router.connections.open", open, AtomicInteger::get)
        .description("Client connections open")
        .register(registry);
    this.refused =
        Counter.builder("runway.router.connections.refused")
            .description("Client connections closed at once for being over the limit")
            .register(registry);
    this.headerTimeouts =
        Counter.builder("runway.router.header.timeouts")
            .description("Connections closed (408) for a request head not whole in time")
            .register(registry);
  }

  /**
   * Lets an accepted connection in, watched, or closes it for being over the limit.
   *
   * @return whether it was let in
   */
  boolean admit(Channel channel) {
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      refused.increment();
      LOG.debugf("refused %s: %d client connections open", channel.remoteAddress(), maxConnections);
      channel.close();
      return false;
    }
    channel.closeFuture().addListener(closed -> open.decrementAndGet());
    HeaderDeadline.watch(
        channel,
        headerTimeout,
        () -> {
          headerTimeouts.increment();
          LOG.debugf(
              "408 to %s: request head not whole in %s", channel.remoteAddress(), headerTimeout);
        });
    return true;
  }

  /** Tells the connection's deadline that a request head has reached the request handler. */
  static void headReceived(HttpServerRequest request) {
    // Vert.x's HTTP connections are ConnectionBase; its public API has no way to the channel.
    HeaderDeadline.headReceived(((ConnectionBase) request.connection()).channel());
  }

  int open() {
    return open.get();
  }
}
