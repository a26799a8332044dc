package dev.runway.example.hello;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * A code-suggestion-like endpoint that says where it runs. {@code GET /healthz} is its readiness
 * probe; {@code POST /v1/completions} (and {@code GET /}) answer with a suggestion, the region and
 * the revision. Configured only by its environment: {@code PORT}, {@code RUNWAY_REGION}, {@code
 * RUNWAY_SERVICE}, {@code RUNWAY_REVISION} and the {@link Faults}.
 */
public final class HelloService {

  private final String region;
  private final String service;
  private final String revision;
  private final Faults faults;
  private final Random random = new Random();

  HelloService(Map<String, String> env) {
    this.region = env.getOrDefault("RUNWAY_REGION", "local");
    this.service = env.getOrDefault("RUNWAY_SERVICE", "hello-service");
    this.revision = env.getOrDefault("RUNWAY_REVISION", "dev");
    this.faults = Faults.from(env);
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
    HttpServer server = start(new HelloService(env), port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
  }

  static HttpServer start(HelloService hello, int port) throws IOException {
    // The JDK server writes headers and body apart; with Nagle's algorithm on, a keep-alive
    // client (the gateway router's pool) waits out the peer's delayed ACK, 40 ms, per answer.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/healthz", exchange -> respond(exchange, 200, "{\"status\":\"ok\"}"));
    server.createContext("/", hello::suggest);
    server.start();
    return server;
  }

  private void suggest(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (faults.extraLatencyMs() > 0 && faults.appliesIn(region)) {
      try {
        Thread.sleep(faults.extraLatencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (faults.failNext(region, random)) {
      respond(exchange, 500, body("error", "injected fault"));
      return;
    }
    respond(exchange, 200, body("completion", "return a + b;"));
  }

  private String body(String key, String value) {
    return String.format(
        "{\"%s\":\"%s\",\"service\":\"%s\",\"region\":\"%s\",\"revision\":\"%s\"}",
        key, value, service, region, revision);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
