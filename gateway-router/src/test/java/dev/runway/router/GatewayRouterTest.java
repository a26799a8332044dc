package dev.runway.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.EventProducer;
import dev.runway.testing.KafkaTestResource;
import dev.runway.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router as a client sees it: real HTTP in, real HTTP backends out, routes from the bus. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class GatewayRouterTest {

  private static EventProducer producer;
  @Inject Vertx vertx;
  private final List<TestBackend> started = new ArrayList<>();

  @BeforeAll
  static void connect() {
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
  }

  @AfterEach
  void stopBackends() {
    started.forEach(TestBackend::close);
  }

  private TestBackend backend(String region, String revision) {
    TestBackend backend = new TestBackend(region, revision);
    started.add(backend);
    return backend;
  }

  /** Routes {@code service} in production: one revision per region, all traffic to it. */
  private Map<String, TestBackend> deploy(String service, String... regions) {
    Map<String, TestBackend> backends = new HashMap<>();
    for (String region : regions) {
      TestBackend b = backend(region, service + "-production-00001");
      backends.put(region, b);
      shift(
          service,
          region,
          Map.of(service + "-production-00001", 100),
          Map.of(service + "-production-00001", b.url()));
    }
    Routes.awaitRegions(service, regions.length);
    return backends;
  }

  /** Routes europe-west1 of {@code service} to a stable revision and a canary with the rest. */
  private void splitEuropeWest1(String service, int stableWeight) {
    String stable = service + "-production-00001";
    String canary = service + "-production-00002";
    shift(
        service,
        "europe-west1",
        Map.of(stable, stableWeight, canary, 100 - stableWeight),
        Map.of(
            stable,
            backend("europe-west1", stable).url(),
            canary,
            backend("europe-west1", canary).url()));
    Routes.awaitRegions(service, 1);
  }

  private static void shift(
      String service, String region, Map<String, Integer> weights, Map<String, String> urls) {
    producer.send(new TrafficShifted(service, Environment.PRODUCTION, region, weights, urls));
  }

  private static Response get(String service, String clientRegion, String path) {
    var request = given().header("Host", service + ".runway.localhost");
    if (clientRegion != null) {
      request = request.header("X-Runway-Client-Region", clientRegion);
    }
    return request.get(path);
  }

  @Test
  void shouldServeTheClientFromItsNearestRegion() {
    deploy("near-service", "europe-west1", "us-east1", "asia-northeast1");

    get("near-service", "europe-west4", "/v1/completions")
        .then()
        .statusCode(200)
        .header("X-Runway-Region", "europe-west1")
        .header("X-Runway-Revision", "near-service-production-00001")
        .body("region", equalTo("europe-west1"));
    get("near-service", "us-central1", "/").then().header("X-Runway-Region", "us-east1");
    get("near-service", "asia-east1", "/").then().header("X-Runway-Region", "asia-northeast1");
  }

  @Test
  void shouldPassEndToEndHeadersAndDropHopByHopOnes() {
    deploy("header-service", "europe-west1");

    given()
        .header("Host", "header-service.runway.localhost")
        .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        .header("Connection", "X-Hop")
        .header("X-Hop", "only for this hop")
        .get("/")
        .then()
        .statusCode(200)
        .body("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .body("x_forwarded_for", equalTo("127.0.0.1"))
        .body("x_forwarded_host", equalTo("header-service.runway.localhost"))
        .body("hop_header", equalTo("null"));
  }

  @Test
  void shouldStreamARequestBodyToTheBackend() {
    deploy("body-service", "europe-west1");
    byte[] body = new byte[300_000];

    given()
        .header("Host", "body-service.runway.localhost")
        .contentType("application/octet-stream")
        .body(body)
        .post("/v1/completions")
        .then()
        .statusCode(200)
        .body("method", equalTo("POST"))
        .body("body_bytes", equalTo(300_000));
  }

  @Test
  void shouldServeHttp2ClientsOverCleartext() throws Exception {
    deploy("h2-service", "europe-west1");
    HttpClient h2 =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
    try {
      HttpClientResponse response =
          h2.request(
                  new RequestOptions()
                      .setServer(SocketAddress.inetSocketAddress(RestAssured.port, "127.0.0.1"))
                      .setHost("h2-service.runway.localhost")
                      .setPort(RestAssured.port)
                      .setURI("/v1/completions"))
              .compose(r -> r.send())
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);

      assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("X-Runway-Region")).isEqualTo("europe-west1");
    } finally {
      h2.close();
    }
  }

  @Test
  void shouldNotPassOnWhatAnUntrustedClientClaimsAboutWhereItCameFrom() {
    deploy("spoof-service", "europe-west1");

    given()
        .header("Host", "spoof-service.runway.localhost")
        .header("X-Forwarded-For", "10.1.2.3")
        .header("X-Forwarded-Host", "admin.internal")
        .get("/")
        .then()
        .statusCode(200)
        .body("x_forwarded_for", equalTo("127.0.0.1"))
        .body("x_forwarded_host", equalTo("spoof-service.runway.localhost"));
  }

  @Test
  void shouldAnswer404ForAServiceItDoesNotRoute() {
    given()
        .header("Host", "no-such-service.runway.localhost")
        .get("/")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("title", equalTo("Unknown service"));
  }

  @Test
  void shouldAnswer504WhenABackendHangs() {
    Map<String, TestBackend> backends = deploy("hang-service", "europe-west1");
    backends.get("europe-west1").mode(TestBackend.Mode.HANG);

    long start = System.nanoTime();
    get("hang-service", "europe-west1", "/v1/completions")
        .then()
        .statusCode(504)
        .header("X-Runway-Region", "europe-west1");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void shouldAnswer408NotA504WhenTheClientNeverSendsTheBodyItPromised() throws Exception {
    // found by RouterFuzzTest: the backend waits for the body, and its silence was taken for the
    // backend's fault, a 504 against the revision's error budget
    deploy("short-body-service", "europe-west1");
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/completions HTTP/1.1\r\nHost: short-body-service.runway.localhost\r\n"
                  + "Content-Length: 10\r\n\r\nabc")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 408");
    }
  }

  @Test
  void shouldStreamALargeAnswerWhole() {
    deploy("stream-service", "europe-west1");

    byte[] body =
        given()
            .header("Host", "stream-service.runway.localhost")
            .get("/stream/64")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();

    assertThat(body).hasSize(64 * TestBackend.CHUNK);
    for (int i = 0; i < body.length; i += 4099) {
      assertThat(body[i]).as("byte %d", i).isEqualTo((byte) (i % 251));
    }
  }

  @Test
  void shouldCutOffAnAnswerWhoseBackendFallsSilentMidway() throws Exception {
    deploy("stall-service", "europe-west1");

    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /stall HTTP/1.1\r\nHost: stall-service.runway.localhost\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 200");
      // The client gets the first chunk, then the connection ends without the last chunk.
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      try {
        in.transferTo(rest);
      } catch (SocketException reset) {
        // a reset ends it as well as a close does
      }
      assertThat(rest.size()).isGreaterThan(TestBackend.CHUNK);
      assertThat(rest.toString(StandardCharsets.US_ASCII)).doesNotEndWith("\r\n0\r\n\r\n");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void shouldSplitARegionByTheRevisionsWeights() throws Exception {
    splitEuropeWest1("split-service", 80);

    int requests = 2000;
    // On pooled keep-alive connections, 20 at a time: a client per request would time the
    // client's own set-up, not the router's choice.
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions(), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(20));
    List<io.vertx.core.Future<String>> revisions = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        revisions.add(
            client
                .request(
                    new RequestOptions()
                        .setServer(SocketAddress.inetSocketAddress(RestAssured.port, "127.0.0.1"))
                        .setHost("split-service.runway.localhost")
                        .setPort(RestAssured.port)
                        .setURI("/")
                        .putHeader("X-Runway-Client-Region", "europe-west1"))
                .compose(r -> r.send())
                .compose(r -> r.body().map(b -> r.getHeader("X-Runway-Revision"))));
      }
      io.vertx.core.Future.all(revisions)
          .toCompletionStage()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
    long toCanary = revisions.stream().filter(r -> r.result().endsWith("00002")).count();

    // 20% ± 3 standard deviations of a binomial over 2000 draws (±2.7%)
    assertThat(toCanary / (double) requests).isBetween(0.173, 0.227);
  }

  @Test
  void shouldKeepAClientOnOneRevisionWithTheStickyHeader() {
    splitEuropeWest1("sticky-service", 50);

    for (String session : List.of("alice", "bob", "carol")) {
      String first = null;
      for (int i = 0; i < 20; i++) {
        String revision =
            given()
                .header("Host", "sticky-service.runway.localhost")
                .header("X-Runway-Session", session)
                .get("/")
                .header("X-Runway-Revision");
        first = first == null ? revision : first;
        assertThat(revision).as(session).isEqualTo(first);
      }
    }
  }

  @Test
  void shouldStopRoutingToARemovedRegion() {
    deploy("removed-service", "europe-west1", "us-east1");

    producer.send(
        new RegionRemoved("removed-service", Environment.PRODUCTION, "europe-west1", "dep-1"));
    Routes.awaitRegions("removed-service", 1);

    get("removed-service", "europe-west1", "/").then().header("X-Runway-Region", "us-east1");
  }
}
