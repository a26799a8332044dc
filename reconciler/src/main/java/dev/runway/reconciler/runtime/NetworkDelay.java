package dev.runway.reconciler.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * A region's distance on one machine: a TCP relay in front of a revision's process that holds every
 * chunk for half the round trip in each direction, so a request to a "far" region takes that much
 * longer, whatever the workload. Chunks keep their order; the relay is meant for request/response
 * traffic, not bulk throughput.
 */
final class NetworkDelay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(NetworkDelay.class);

  private final ServerSocket server;
  private final int target;
  private final long halfRoundTripNanos;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "network-delay");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean open = true;

  private NetworkDelay(ServerSocket server, int target, Duration roundTrip) {
    this.server = server;
    this.target = target;
    this.halfRoundTripNanos = roundTrip.toNanos() / 2;
  }

  /** Listens on {@code port} and relays to {@code target} on loopback, {@code roundTrip} later. */
  static NetworkDelay start(int port, int target, Duration roundTrip) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    NetworkDelay delay = new NetworkDelay(server, target, roundTrip);
    delay.threads.execute(delay::accept);
    return delay;
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        threads.execute(() -> connect(client));
      } catch (IOException e) {
        if (open) {
          LOG.warnf(
              "Network delay relay on %d stopped accepting: %s",
              server.getLocalPort(), e.getMessage());
        }
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      Socket backend = new Socket(InetAddress.getLoopbackAddress(), target);
      client.setTcpNoDelay(true);
      backend.setTcpNoDelay(true);
      threads.execute(() -> pump(client, backend));
      pump(backend, client);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  /** Copies one direction, each chunk no earlier than half a round trip after it arrived. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        long due = System.nanoTime() + halfRoundTripNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: the other is closed by the try-with-resources
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    threads.shutdownNow();
  }
}
