package dev.runway.router.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.RequestStats;
import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficStatsTest {

  private static final RevisionKey STABLE =
      new RevisionKey("s", Environment.PRODUCTION, "europe-west1", "s-production-00001");
  private static final RevisionKey CANARY =
      new RevisionKey("s", Environment.PRODUCTION, "europe-west1", "s-production-00002");
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void shouldReportASecondOneRollLaterPerRevisionWithTraffic() {
    TrafficStats stats = new TrafficStats(T0);
    stats.answered(STABLE, 200, 3_000);
    stats.answered(STABLE, 204, 900);
    stats.answered(STABLE, 404, 1_500);
    stats.answered(CANARY, 503, 2_000_000);
    stats.connectFailed(CANARY);

    assertThat(stats.roll(T0.plusSeconds(1))).isEmpty();
    List<RequestStats> events = stats.roll(T0.plusSeconds(2));

    assertThat(events).hasSize(2);
    RequestStats stable =
        events.stream().filter(e -> e.revision().endsWith("1")).findFirst().orElseThrow();
    assertThat(stable.windowStart()).isEqualTo(T0);
    assertThat(stable.windowSeconds()).isEqualTo(1);
    assertThat(stable.requests()).isEqualTo(3);
    assertThat(stable.status2xx()).isEqualTo(2);
    assertThat(stable.status4xx()).isEqualTo(1);
    assertThat(stable.latencyCounts().get(0)).as("≤ 1 ms").isEqualTo(1);
    assertThat(stable.latencyCounts().get(1)).as("≤ 2 ms").isEqualTo(1);
    assertThat(stable.latencyCounts().get(2)).as("≤ 4 ms").isEqualTo(1);
    assertThat(stable.latencySumMs()).isEqualTo(5.4);
    RequestStats canary =
        events.stream().filter(e -> e.revision().endsWith("2")).findFirst().orElseThrow();
    assertThat(canary.status5xx()).isEqualTo(1);
    assertThat(canary.connectFailures()).isEqualTo(1);
    assertThat(canary.latencyCounts().get(11)).as("≤ 2048 ms").isEqualTo(1);
  }

  @Test
  void shouldPublishNothingForAQuietSecond() {
    TrafficStats stats = new TrafficStats(T0);
    stats.roll(T0.plusSeconds(1));
    assertThat(stats.roll(T0.plusSeconds(2))).isEmpty();
  }
}
