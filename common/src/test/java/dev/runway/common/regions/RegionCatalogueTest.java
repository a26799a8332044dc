package dev.runway.common.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCatalogueTest {

  private final RegionCatalogue catalogue = RegionCatalogue.cloudRun();

  @Test
  void shouldKnowTheSeedRegions() {
    assertThat(catalogue.contains("europe-west1")).isTrue();
    assertThat(catalogue.contains("us-east1")).isTrue();
    assertThat(catalogue.contains("us-west1")).isTrue();
    assertThat(catalogue.contains("mars-north1")).isFalse();
  }

  @Test
  void shouldSuggestByEditDistance() {
    assertThat(catalogue.closestNames("us-est1", 2)).containsExactly("us-east1", "us-west1");
  }

  @Test
  void shouldPlaceEveryRegionOnEarth() {
    assertThat(catalogue.all())
        .hasSizeGreaterThan(40)
        .allSatisfy(
            r -> {
              assertThat(r.latitude()).isBetween(-90.0, 90.0);
              assertThat(r.longitude()).isBetween(-180.0, 180.0);
            });
  }

  @Test
  void shouldMeasureEditDistance() {
    assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    assertThat(EditDistance.between("same", "same")).isZero();
  }
}
