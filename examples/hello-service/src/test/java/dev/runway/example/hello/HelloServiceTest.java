package dev.runway.example.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HelloServiceTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(HttpServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerWithItsRegionAndRevision() throws Exception {
    HttpServer server =
        HelloService.start(
            new HelloService(
                Map.of(
                    "RUNWAY_REGION",
                    "europe-west1",
                    "RUNWAY_REVISION",
                    "s-staging-00001",
                    "RUNWAY_SERVICE",
                    "s")),
            0);
    try {
      HttpResponse<String> answer = get(server, "/v1/completions");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .contains("\"region\":\"europe-west1\"")
          .contains("\"revision\":\"s-staging-00001\"");
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldFailEveryRequestAtAnErrorRateOfOne() throws Exception {
    HttpServer server = HelloService.start(new HelloService(Map.of("HELLO_ERROR_RATE", "1")), 0);
    try {
      assertThat(get(server, "/").statusCode()).isEqualTo(500);
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldInjectFaultsOnlyInTheNamedRegion() {
    Faults faults = Faults.from(Map.of("HELLO_ERROR_RATE", "1", "HELLO_FAULT_REGION", "us-east1"));
    Random random = new Random(1);

    assertThat(faults.failNext("us-east1", random)).isTrue();
    assertThat(faults.failNext("europe-west1", random)).isFalse();
  }

  @Test
  void shouldFailAtAboutTheConfiguredRate() {
    Faults faults = Faults.from(Map.of("HELLO_ERROR_RATE", "0.15"));
    Random random = new Random(42);

    long failures =
        java.util.stream.IntStream.range(0, 10_000)
            .filter(i -> faults.failNext("x", random))
            .count();

    assertThat(failures).isBetween(1350L, 1650L);
  }

  @Test
  void shouldRefuseANonsenseRate() {
    assertThatThrownBy(() -> Faults.from(Map.of("HELLO_ERROR_RATE", "15")))
        .hasMessageContaining("between 0 and 1");
  }
}
