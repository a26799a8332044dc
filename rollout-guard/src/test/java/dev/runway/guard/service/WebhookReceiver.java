package dev.runway.guard.service;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP endpoint standing in for a Slack incoming webhook: it records every body posted to
 * it, and the guard is configured to post there. It answers 500 to the first call, so the test sees
 * the guard retry.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  static volatile int calls;
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = calls++ == 0 ? 500 : 200;
          if (status == 200) {
            RECEIVED.add(body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return Map.of(
        "runway.guard.webhooks", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
