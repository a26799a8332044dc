package dev.runway.router.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gateway's listener as a client sees it: what it refuses before any route is looked up. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class GatewayListenerTest {

  @Test
  void shouldAnswer431ToRequestHeadersOverTheLimit() {
    given()
        .header("Host", "spoof-service.runway.localhost")
        .header("X-Padding", "x".repeat(70 * 1024))
        .get("/")
        .then()
        .statusCode(431);
  }

  @Test
  void shouldAnswer400ToAMalformedRequest() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET / HTTP/1.1\r\nHost: x.runway.localhost\r\nBad Header Without Colon\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 400");
    }
  }

  @Test
  void shouldAnswer408ToAClientThatTricklesItsRequestHead() throws Exception {
    // slowloris: a byte now and then restarts any read-idle timeout, never the header deadline
    // (2 s in the test profile, 10 s by default)
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      for (byte b :
          "GET / HTTP/1.1\r\nHost: slow.runway.localhost\r\nX-A: b\r\n"
              .getBytes(StandardCharsets.US_ASCII)) {
        try {
          out.write(b);
          out.flush();
        } catch (SocketException closed) {
          break;
        }
        Thread.sleep(100); // the client's pace, not a wait for the router
        if (socket.getInputStream().available() > 0) {
          break;
        }
      }
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 408");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
        .containsPattern("runway_router_header_timeouts_total [1-9]");
  }
}
