package dev.runway.router.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.common.regions.RegionCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionDistancesTest {

  private final RegionDistances estimated =
      new RegionDistances(RegionCatalogue.cloudRun(), Map.of());

  @Test
  void shouldOrderRegionsByTheirDistanceFromTheClient() {
    assertThat(
            estimated.nearestFirst(
                "europe-west4", List.of("us-east1", "asia-northeast1", "europe-west1")))
        .containsExactly("europe-west1", "us-east1", "asia-northeast1");
    assertThat(
            estimated.nearestFirst(
                "us-west1", List.of("europe-west1", "us-east1", "asia-northeast1")))
        .containsExactly("us-east1", "asia-northeast1", "europe-west1");
  }

  @Test
  void shouldEstimateRoundTripsOfTheRightOrderOfMagnitude() {
    // Belgium to South Carolina is about 7 000 km: about 105 ms round trip over fibre
    assertThat(estimated.rttMs("europe-west1", "us-east1")).isBetween(80.0, 130.0);
    assertThat(estimated.rttMs("europe-west1", "europe-west4")).isBetween(1.0, 10.0);
    assertThat(estimated.rttMs("us-east1", "us-east1")).isZero();
    assertThat(estimated.rttMs("europe-west1", "us-east1"))
        .isEqualTo(estimated.rttMs("us-east1", "europe-west1"));
  }

  @Test
  void shouldPreferMeasuredFiguresBothWays() {
    RegionDistances measured =
        new RegionDistances(
            RegionCatalogue.cloudRun(), Map.of("europe-west1>us-east1", Duration.ofMillis(3)));

    assertThat(measured.rttMs("us-east1", "europe-west1")).isEqualTo(3.0);
    assertThat(measured.nearestFirst("europe-west1", List.of("europe-west4", "us-east1")))
        .containsExactly("us-east1", "europe-west4");
  }

  @Test
  void shouldPutUnknownRegionsLast() {
    assertThat(estimated.nearestFirst("europe-west1", List.of("mars-north1", "us-east1")))
        .containsExactly("us-east1", "mars-north1");
  }

  @Test
  void shouldRefuseAMeasuredPairThatIsNotFromTo() {
    assertThatThrownBy(
            () ->
                new RegionDistances(
                    RegionCatalogue.cloudRun(), Map.of("europe-west1", Duration.ofMillis(3))))
        .hasMessageContaining("from>to");
  }
}
