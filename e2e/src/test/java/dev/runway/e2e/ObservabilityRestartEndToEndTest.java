package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.common.events.LatencyBuckets;
import dev.runway.common.events.RequestStats;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.SloRecovered;
import dev.runway.common.manifest.Environment;
import dev.runway.testing.EventProducer;
import dev.runway.testing.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Observability killed (SIGKILL) while a revision breaches comes back with the breach and the spent
 * budget intact: its windows are replayed from the telemetry topic, its open breach is in its
 * database, and no second SloBreached (nor a SloRecovered) is published.
 */
@ExtendWith(SharedPlatform.class)
class ObservabilityRestartEndToEndTest {

  private static final String SERVICE = "slo-restart-service";
  private static final String REVISION = SERVICE + "-staging-00001";
  private static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRestartNeitherRepeatsNorForgetsABreach(Launcher launcher) throws Exception {
    // Given the platform judging fifty times faster than real time, and a revision failing
    // 10% of its requests in us-east1 only
    Telemetry traffic = null;
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      traffic = new Telemetry(launcher);
      SloBreached breach =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> bus.of(SloBreached.class, SERVICE), l -> !l.isEmpty())
              .get(0);
      assertThat(breach.region()).isEqualTo("us-east1");
      double budgetBefore = budget(launcher);
      assertThat(budgetBefore).isNegative();

      // When observability is killed and it is restarted alone while the revision still fails
      traffic.close();
      long killed = launcher.pid("observability");
      new ProcessBuilder("kill", "-9", String.valueOf(killed)).start().waitFor();
      launcher.awaitRestart("observability", killed, Duration.ofMinutes(3));
      traffic = new Telemetry(launcher);

      // Then it judges the region breached at once, with the budget as spent as before
      JsonNode region =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> region(launcher),
                  r -> r != null && "BREACHED".equals(r.path("status").asText()));
      JsonNode availability = region.path("revisions").get(0).path("slis").get(0);
      assertThat(availability.path("breach").path("rule").asText()).isEqualTo(breach.rule());
      // (10% failing at a 0.1% budget: the budget stays spent a hundredfold, -99, not back at 1)
      assertThat(budget(launcher))
          .as("the budget was not reset")
          .isCloseTo(budgetBefore, org.assertj.core.data.Offset.offset(1.0));
      // And publishes nothing new about it. The outbox relay may publish the breach twice across
      // the crash (at least once, the same ce_id, which consumers' inboxes skip); never a second
      // breach.
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(7))
          .until(
              () ->
                  java.util.Set.copyOf(bus.ids(SloBreached.class, SERVICE)).size() == 1
                      && bus.of(SloRecovered.class, SERVICE).isEmpty());
      traffic.close();
    } finally {
      if (traffic != null) {
        traffic.close();
      }
    }
  }

  /** The gateway's telemetry as it would publish it: 100 requests a second per region. */
  private static final class Telemetry implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final EventProducer producer;
    private long last;

    Telemetry(Launcher launcher) {
      producer = new EventProducer(launcher.kafka());
      timer.scheduleAtFixedRate(
          () -> {
            // Every second since the last one sent: a late tick catches up, never skips.
            long newest = Instant.now().getEpochSecond() - 1;
            for (long second = last == 0 ? newest : last + 1; second <= newest; second++) {
              for (String region : REGIONS) {
                long errors = region.equals("us-east1") ? 10 : 0;
                producer.send(stats(region, second, 100, errors));
              }
            }
            last = Math.max(last, newest);
          },
          0,
          1,
          TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      timer.shutdownNow();
      timer.awaitTermination(10, TimeUnit.SECONDS);
      producer.close();
    }
  }

  private static RequestStats stats(String region, long second, long requests, long errors) {
    List<Long> latency = new ArrayList<>();
    for (int i = 0; i < LatencyBuckets.SIZE; i++) {
      latency.add(i == 4 ? requests : 0L);
    }
    return new RequestStats(
        SERVICE,
        Environment.STAGING,
        region,
        REVISION,
        Instant.ofEpochSecond(second),
        1,
        requests,
        requests - errors,
        0,
        0,
        errors,
        0,
        latency,
        requests * 10.0);
  }

  private static JsonNode region(Launcher launcher) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(launcher.observability() + "/api/v1/slo/" + SERVICE))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return null;
      }
      for (JsonNode region :
          JSON.readTree(response.body()).path("environments").get(0).path("regions")) {
        if (region.path("region").asText().equals("us-east1")) {
          return region;
        }
      }
      return null;
    } catch (Exception notUpYet) {
      return null;
    }
  }

  private static double budget(Launcher launcher) {
    JsonNode region = region(launcher);
    assertThat(region).isNotNull();
    return region.path("revisions").get(0).path("slis").get(0).path("budget_remaining").asDouble();
  }
}
