package dev.runway.router.listener;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate on a real Vert.x HTTP server, so the pipeline it reaches into is Vert.x's own. */
class ConnectionGateTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Vertx vertx;
  private ConnectionGate gate;
  private int port;

  @BeforeEach
  void listen() throws Exception {
    vertx = Vertx.vertx();
    gate = new ConnectionGate(2, Duration.ofMillis(500), registry);
    HttpServer server =
        GatedHttpServer.create(
                vertx, new HttpServerOptions(), gate, request -> request.response().end("ok"))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    port = server.actualPort();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String exchange(Socket socket, String request) throws Exception {
    socket.setSoTimeout(5_000);
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(US_ASCII));
    out.flush();
    byte[] status = socket.getInputStream().readNBytes(12);
    return new String(status, US_ASCII);
  }

  private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

  @Test
  void shouldCloseAConnectionOverTheLimitAndAdmitOneAgainWhenAnotherCloses() throws Exception {
    try (Socket first = new Socket("127.0.0.1", port);
        Socket second = new Socket("127.0.0.1", port)) {
      assertThat(exchange(first, GET)).isEqualTo("HTTP/1.1 200");
      assertThat(exchange(second, GET)).isEqualTo("HTTP/1.1 200");

      try (Socket third = new Socket("127.0.0.1", port)) {
        assertThat(exchange(third, GET)).isEmpty();
      }
      assertThat(registry.counter("runway.router.connections.refused").count()).isEqualTo(1);

      first.close();
      await().atMost(Duration.ofSeconds(5)).until(() -> gate.open() == 1);
      try (Socket again = new Socket("127.0.0.1", port)) {
        assertThat(exchange(again, GET)).isEqualTo("HTTP/1.1 200");
      }
    }
  }

  @Test
  void shouldAnswer408ToAHeadThatDoesNotArriveWholeInTime() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", port)) {
      long start = System.nanoTime();
      assertThat(exchange(slow, "GET / HTTP/1.1\r\nHost: x\r\n")).isEqualTo("HTTP/1.1 408");
      InputStream in = slow.getInputStream();
      in.readAllBytes(); // then the server closes the connection
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
    assertThat(registry.counter("runway.router.header.timeouts").count()).isEqualTo(1);
  }
}
