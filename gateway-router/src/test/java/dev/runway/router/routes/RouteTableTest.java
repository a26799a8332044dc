package dev.runway.router.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private final RouteTable table = new RouteTable(() -> 0L);

  private void shift(String region, Map<String, Integer> weights) {
    table.apply(
        new TrafficShifted(
            "s",
            Environment.PRODUCTION,
            region,
            weights,
            Map.of(
                "s-production-00001",
                "http://127.0.0.1:1001",
                "s-production-00002",
                "http://127.0.0.1:1002")));
  }

  @Test
  void shouldRefuseAShiftToAUrlNoRuntimeMakesAndKeepTheRegionsSplit() {
    shift("europe-west1", Map.of("s-production-00001", 100));
    TrafficShifted steer =
        new TrafficShifted(
            "s",
            Environment.PRODUCTION,
            "europe-west1",
            Map.of("s-production-00009", 100),
            Map.of("s-production-00009", "http://evil.example.com:80"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.apply(steer))
        .hasMessageContaining("http://evil.example.com:80")
        .hasMessageContaining("only the local runtime's");

    assertThat(table.find("s", Environment.PRODUCTION).orElseThrow().regions().get("europe-west1"))
        .extracting(w -> w.backend().url())
        .containsExactly("http://127.0.0.1:1001");
  }

  @Test
  void shouldKeepEachRegionsSplitAsTheLastShiftSaid() {
    shift("europe-west1", Map.of("s-production-00001", 100));
    shift("us-east1", Map.of("s-production-00001", 100));
    shift("europe-west1", Map.of("s-production-00001", 75, "s-production-00002", 25));

    ServiceRoute route = table.find("s", Environment.PRODUCTION).orElseThrow();
    assertThat(route.regions().get("europe-west1"))
        .extracting(w -> w.backend().revision(), WeightedBackend::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s-production-00001", 75),
            org.assertj.core.groups.Tuple.tuple("s-production-00002", 25));
    assertThat(route.regions().get("us-east1")).hasSize(1);
    assertThat(table.find("s", Environment.STAGING)).isEmpty();
  }

  @Test
  void shouldKeepABackendsHealthAcrossWeightChanges() {
    shift("europe-west1", Map.of("s-production-00001", 100));
    Backend before =
        table
            .find("s", Environment.PRODUCTION)
            .orElseThrow()
            .regions()
            .get("europe-west1")
            .get(0)
            .backend();
    before.state().eject(0, 1_000);

    shift("europe-west1", Map.of("s-production-00001", 50, "s-production-00002", 50));

    Backend after =
        table
            .find("s", Environment.PRODUCTION)
            .orElseThrow()
            .regions()
            .get("europe-west1")
            .get(0)
            .backend();
    assertThat(after).isSameAs(before);
  }

  @Test
  void shouldLeaveOutRevisionsWithoutTraffic() {
    shift("europe-west1", Map.of("s-production-00001", 0, "s-production-00002", 100));

    assertThat(table.find("s", Environment.PRODUCTION).orElseThrow().regions().get("europe-west1"))
        .extracting(w -> w.backend().revision())
        .containsExactly("s-production-00002");
    assertThat(table.backends()).hasSize(1);
  }

  @Test
  void shouldDropRemovedRegionsAndDecommissionedServices() {
    shift("europe-west1", Map.of("s-production-00001", 100));
    shift("us-east1", Map.of("s-production-00001", 100));

    table.apply(new RegionRemoved("s", Environment.PRODUCTION, "us-east1", "dep-2"));
    assertThat(table.find("s", Environment.PRODUCTION).orElseThrow().regions())
        .containsOnlyKeys("europe-west1");

    table.apply(new ServiceDecommissioned("s", java.util.List.of()));
    assertThat(table.find("s", Environment.PRODUCTION)).isEmpty();
    assertThat(table.backends()).isEmpty();
  }
}
