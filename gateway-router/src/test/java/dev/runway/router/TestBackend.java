package dev.runway.router;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A revision of a service in a region, as a real HTTP server on loopback: answers {@code
 * {"region":…,"revision":…}} with what it saw of the request, and can be told to fail (500), hang,
 * or stop listening; {@code /stream/N} streams N chunks, {@code /stall} stops after the first.
 */
final class TestBackend implements AutoCloseable {

  enum Mode {
    OK,
    FAIL,
    HANG
  }

  static final int CHUNK = 64 * 1024;

  private final String region;
  private final String revision;
  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Mode mode = Mode.OK;

  static {
    // Headers and body leave in separate writes; without this a keep-alive client waits 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  TestBackend(String region, String revision) {
    this.region = region;
    this.revision = revision;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/healthz")) {
        // Health stays good: failing requests must be caught by outlier detection alone.
        send(exchange, 200, "{}");
        return;
      }
      if (path.startsWith("/stream/")) {
        stream(exchange, Integer.parseInt(path.substring(8)));
        return;
      }
      if (path.equals("/stall")) {
        // The head and a first chunk, then silence: a backend that dies mid-answer.
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(new byte[CHUNK]);
        exchange.getResponseBody().flush();
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      if (mode == Mode.HANG) {
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      int status =
          mode == Mode.FAIL
              ? 500
              : path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : 200;
      var headers = exchange.getRequestHeaders();
      String body =
          "{\"region\":\""
              + region
              + "\",\"revision\":\""
              + revision
              + "\",\"method\":\""
              + exchange.getRequestMethod()
              + "\",\"body_bytes\":"
              + request.length
              + ",\"x_forwarded_for\":\""
              + headers.getFirst("X-Forwarded-For")
              + "\",\"x_forwarded_host\":\""
              + headers.getFirst("X-Forwarded-Host")
              + "\",\"traceparent\":\""
              + headers.getFirst("traceparent")
              + "\",\"hop_header\":\""
              + headers.getFirst("X-Hop")
              + "\",\"host\":\""
              + headers.getFirst("Host")
              + "\"}";
      send(exchange, status, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code chunks} chunks of 64 KiB, chunked encoding; byte i of the body is {@code i % 251}. */
  private static void stream(HttpExchange exchange, int chunks) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[CHUNK];
    long offset = 0;
    for (int c = 0; c < chunks; c++) {
      for (int i = 0; i < CHUNK; i++) {
        chunk[i] = (byte) ((offset + i) % 251);
      }
      offset += CHUNK;
      exchange.getResponseBody().write(chunk);
      exchange.getResponseBody().flush();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Stops listening, as a killed process does: connections are refused from now on. */
  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
