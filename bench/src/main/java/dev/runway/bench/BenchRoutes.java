package dev.runway.bench;

import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.EventRecords;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Routes a bench service to a backend the bench runs, as the reconciler would: on the bus. */
final class BenchRoutes {

  private BenchRoutes() {}

  /** Publishes production europe-west1 of {@code service} at the backend; waits for the router. */
  static void route(String kafka, int routerPort, String service, int backendPort)
      throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      String revision = service + "-production-00001";
      producer
          .send(
              EventRecords.of(
                  EventEnvelope.wrap(
                      "/runway/bench",
                      new TrafficShifted(
                          service,
                          Environment.PRODUCTION,
                          "europe-west1",
                          Map.of(revision, 100),
                          Map.of(revision, "http://127.0.0.1:" + backendPort)),
                      Clock.systemUTC())))
          .get();
    }
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      String routes =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + routerPort + "/admin/routes"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (routes.contains(service)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the router did not route " + service + " within 60 s");
  }
}
