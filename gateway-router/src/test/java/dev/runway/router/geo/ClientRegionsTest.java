package dev.runway.router.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.common.manifest.Environment;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.BackendState;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientRegionsTest {

  private final RegionDistances distances =
      new RegionDistances(RegionCatalogue.cloudRun(), Map.of());
  private final ClientRegions clients =
      new ClientRegions(
          distances, Map.of("10.1.0.0/16", "europe-west1", "2001:db8::/32", "us-east1"));

  @Test
  void shouldTakeTheRegionFromTheHeaderFirst() {
    assertThat(clients.of("asia-east1", "10.1.2.3")).contains("asia-east1");
  }

  @Test
  void shouldTakeItFromTheClientsNetworkWithoutAHeader() {
    assertThat(clients.of(null, "10.1.200.7")).contains("europe-west1");
    assertThat(clients.of(null, "2001:db8::1")).contains("us-east1");
    assertThat(clients.of(null, "10.2.0.1")).isEmpty();
  }

  @Test
  void shouldIgnoreAHeaderNamingNoRegion() {
    assertThat(clients.of("the-moon", "192.168.1.1")).isEmpty();
  }

  @Test
  void shouldOrderByMeasuredRoundTripWhenTheClientIsNowhereKnown() {
    ServiceRoute route =
        new ServiceRoute(
            "s",
            Environment.PRODUCTION,
            Map.of(
                "europe-west1", List.of(backend("europe-west1", 30)),
                "us-east1", List.of(backend("us-east1", 4)),
                "asia-east1", List.of(backend("asia-east1", Double.NaN))));

    assertThat(clients.order(Optional.empty(), route))
        .containsExactly("us-east1", "europe-west1", "asia-east1");
    assertThat(clients.order(Optional.of("europe-west4"), route))
        .containsExactly("europe-west1", "us-east1", "asia-east1");
  }

  @Test
  void shouldRefuseANetworkMappedToAnUnknownRegion() {
    assertThatThrownBy(() -> new ClientRegions(distances, Map.of("10.0.0.0/8", "mars-north1")))
        .hasMessageContaining("mars-north1");
    assertThatThrownBy(() -> new ClientRegions(distances, Map.of("10.0.0.0/40", "us-east1")))
        .hasMessageContaining("prefix");
  }

  private static WeightedBackend backend(String region, double rtt) {
    BackendState state = new BackendState(0);
    if (!Double.isNaN(rtt)) {
      state.checked(true, rtt, 2, 2, 0);
    }
    return new WeightedBackend(
        new Backend(
            "s", Environment.PRODUCTION, region, "s-production-00001", "http://127.0.0.1:1", state),
        100);
  }
}
