package dev.runway.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.EventProducer;
import dev.runway.testing.Fuzz;
import dev.runway.testing.KafkaTestResource;
import dev.runway.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Malformed HTTP/1.1 requests at the router's port: mutants of a valid request with a body, each on
 * its own connection. None may get a 5xx (every backend here is healthy, so a 5xx is the router's
 * own failure), and the router serves a valid request after all of them.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RouterFuzzTest {

  private static final String VALID =
      "POST /v1/completions?prompt=hi HTTP/1.1\r\n"
          + "Host: fuzz-service.runway.localhost\r\n"
          + "X-Runway-Client-Region: europe-west4\r\n"
          + "Content-Type: text/plain\r\n"
          + "Content-Length: 5\r\n"
          + "\r\n"
          + "hello";

  private static final Pattern STATUS_LINE = Pattern.compile("^\\S*/\\S* (\\d{3})");

  @Test
  void noMalformedRequestGetsAServerError() throws Exception {
    try (TestBackend backend = new TestBackend("europe-west1", "fuzz-service-production-00001");
        EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers())) {
      producer.send(
          new TrafficShifted(
              "fuzz-service",
              Environment.PRODUCTION,
              "europe-west1",
              Map.of("fuzz-service-production-00001", 100),
              Map.of("fuzz-service-production-00001", backend.url())));
      Routes.awaitRegions("fuzz-service", 1);
      assertThat(status(VALID)).isEqualTo("200");

      // Each mutant on its own connection, many at once: a mutant that promises more body than it
      // sends is answered only when the router's idle timeout ends it, so waits run side by side.
      List<String> requests = Fuzz.mutants(VALID, 1, Fuzz.inputs(200));
      ExecutorService clients = Executors.newFixedThreadPool(32);
      Map<String, Integer> answers = new TreeMap<>();
      try {
        List<Future<String>> statuses = new ArrayList<>();
        for (String request : requests) {
          statuses.add(clients.submit(() -> status(request)));
        }
        for (int i = 0; i < requests.size(); i++) {
          String status = statuses.get(i).get(30, TimeUnit.SECONDS);
          answers.merge(status, 1, Integer::sum);
          assertThat(status)
              .as("answer to %s", requests.get(i).replace("\r", "\\r").replace("\n", "\\n"))
              .doesNotStartWith("5");
        }
      } finally {
        clients.shutdownNow();
      }
      Fuzz.report("the gateway router (HTTP/1.1)", requests.size(), "answers " + answers);
      assertThat(answers).as("answers %s", answers).containsKey("200").containsKey("400");
      given()
          .header("Host", "fuzz-service.runway.localhost")
          .get("/v1/completions")
          .then()
          .statusCode(200);
    }
  }

  /**
   * The status code the router answers, "none" when it closes the connection without one (as it may
   * for bytes that are not HTTP), or "late" when it answers nothing within the read timeout.
   */
  private static String status(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[64];
      int read = 0;
      for (int n; read < head.length && (n = in.read(head, read, head.length - read)) > 0; ) {
        read += n;
        if (new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("\r\n")) {
          break;
        }
      }
      String line = new String(head, 0, read, StandardCharsets.ISO_8859_1).split("\r\n")[0];
      if (line.isEmpty()) {
        return "none";
      }
      // Netty answers in the protocol name the request line gave, so a mangled "HTTP" comes back
      Matcher status = STATUS_LINE.matcher(line);
      return status.find() ? status.group(1) : "unreadable";
    } catch (SocketTimeoutException late) {
      return "late";
    } catch (java.net.SocketException reset) {
      return "none";
    }
  }
}
