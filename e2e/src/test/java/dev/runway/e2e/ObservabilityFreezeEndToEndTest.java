package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.RolloutStalled;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.testing.TopicRecorder;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guard fails closed when its evidence stops: a healthy v2 starts its steps, observability is
 * frozen (SIGSTOP) after the first healthy step, and no region takes another step on the verdicts
 * it heard before; the progress deadline then pauses the rollout and says why.
 */
@ExtendWith(SharedPlatform.class)
class ObservabilityFreezeEndToEndTest {

  private static final String SERVICE = "freeze-service";

  @Test
  void aFrozenObservabilityHoldsEveryRegionAndTheDeadlinePausesTheRollout(Launcher launcher)
      throws Exception {
    // Given the example service on v1 in staging, judged healthy under steady traffic
    ExampleService example = new ExampleService(launcher, SERVICE);
    String v2 = example.revision("staging", 2);
    Process traffic = null;
    long observability = 0;
    try (TopicRecorder bus = TopicRecorder.everything(launcher.kafka())) {
      Api.provision(launcher, bus, Api.inventory(SERVICE), SERVICE);
      example.applyFirst(example.manifest("runway-staging.yml"), "staging");
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> bus.of(RegionDeployed.class, SERVICE).size() >= 3);
      traffic = example.traffic();
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> example.healthyEverywhere(bus, example.revision("staging", 1)));

      // When a healthy v2 rolls out with a 30 s progress deadline
      example.apply(
          example.manifest(
              "runway-staging-v2.yml",
              "HELLO_ERROR_RATE: \"0.15\"",
              "HELLO_ERROR_RATE: \"0\"",
              "watch: 10s",
              "watch: 10s\n    progress_deadline: 30s"),
          "staging");
      // and observability is frozen once the first step baked healthy somewhere (the second asked)
      await().atMost(Duration.ofSeconds(120)).until(() -> !shares(bus, v2, 50).isEmpty());
      observability = launcher.pid("observability");
      signal("STOP", observability);
      long frozenAt = System.nanoTime();
      // A verdict judged just before the freeze may still carry the step it judged; none is
      // younger than the guard's freshness bound once that has passed.
      await()
          .pollDelay(SharedPlatform.VERDICT_FRESHNESS.plusSeconds(1))
          .atMost(SharedPlatform.VERDICT_FRESHNESS.plusSeconds(5))
          .until(() -> true);
      Map<String, Integer> held = highestShares(bus, v2);

      // Then the deadline pauses the rollout, saying what it waited for
      RolloutStalled stalled =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(
                  () ->
                      bus.of(RolloutStalled.class, SERVICE).stream()
                          .filter(s -> s.revision().equals(v2))
                          .toList(),
                  l -> !l.isEmpty())
              .get(0);
      assertThat(stalled.action()).isEqualTo(RunwayManifest.OnStall.pause);
      assertThat(stalled.reason()).contains("no fresh HEALTHY verdict");
      JsonNode rollout = example.rollout(v2);
      assertThat(rollout.path("paused").asBoolean()).isTrue();
      assertThat(rollout.path("status").asText()).isEqualTo("ROLLING");
      assertThat(rollout.path("hold").asText()).startsWith("stalled: ");
      // and while observability stayed silent no region took a step on the verdicts heard before
      assertThat(highestShares(bus, v2)).isEqualTo(held);
      assertThat(held.values()).as("nobody reached 100%% on old evidence").doesNotContain(100);
      assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).isLessThan(Duration.ofMinutes(2));
    } finally {
      if (observability != 0) {
        signal("CONT", observability);
      }
      if (traffic != null) {
        traffic.destroy();
        traffic.waitFor();
      }
    }
  }

  /** The regions where v2 was asked for {@code percent}. */
  private static java.util.List<String> shares(TopicRecorder bus, String revision, int percent) {
    return bus.of(TrafficShiftRequested.class, SERVICE).stream()
        .filter(t -> t.revision().equals(revision) && t.percent() == percent)
        .map(TrafficShiftRequested::region)
        .toList();
  }

  /** Per region, the highest share v2 was asked for so far. */
  private static Map<String, Integer> highestShares(TopicRecorder bus, String revision) {
    Map<String, Integer> highest = new TreeMap<>();
    for (TrafficShiftRequested t : bus.of(TrafficShiftRequested.class, SERVICE)) {
      if (t.revision().equals(revision)) {
        highest.merge(t.region(), t.percent(), Math::max);
      }
    }
    return highest;
  }

  private static void signal(String signal, long pid) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor())
        .isZero();
  }
}
