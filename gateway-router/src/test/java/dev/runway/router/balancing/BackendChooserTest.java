package dev.runway.router.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.BackendState;
import dev.runway.router.routes.WeightedBackend;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackendChooserTest {

  private static final long SECOND = 1_000_000_000L;
  private final BackendChooser chooser = new BackendChooser(10 * SECOND);

  private static WeightedBackend backend(String revision, int weight) {
    return new WeightedBackend(
        new Backend(
            "s",
            Environment.PRODUCTION,
            "europe-west1",
            revision,
            "http://127.0.0.1/" + revision,
            new BackendState(0)),
        weight);
  }

  @Test
  void shouldSplitByWeight() {
    List<WeightedBackend> region = List.of(backend("a", 75), backend("b", 25));
    SplittableRandom random = new SplittableRandom(7);

    int toB = 0;
    for (int i = 0; i < 100_000; i++) {
      if (chooser.choose(region, 0, random.nextDouble()).revision().equals("b")) {
        toB++;
      }
    }

    assertThat(toB / 100_000.0).isBetween(0.245, 0.255);
  }

  @Test
  void shouldSkipABackendThatIsNotAvailable() {
    WeightedBackend a = backend("a", 50);
    WeightedBackend b = backend("b", 50);
    a.backend().state().eject(0, 5 * SECOND);

    for (double point = 0; point < 1; point += 0.1) {
      assertThat(chooser.choose(List.of(a, b), SECOND, point).revision()).isEqualTo("b");
    }
    assertThat(BackendChooser.anyAvailable(List.of(a), SECOND)).isFalse();
    assertThat(chooser.choose(List.of(a), SECOND, 0.5)).isNull();
  }

  @Test
  void shouldRampAReadmittedBackendUpFromATenthOfItsWeight() {
    WeightedBackend a = backend("a", 50);
    WeightedBackend b = backend("b", 50);
    a.backend().state().eject(0, SECOND);
    List<WeightedBackend> region = List.of(a, b);

    // just readmitted: weight 5 against 50, so a takes points below 5/55
    assertThat(chooser.choose(region, SECOND, 0.08).revision()).isEqualTo("a");
    assertThat(chooser.choose(region, SECOND, 0.10).revision()).isEqualTo("b");
    // half way through slow start: 0.55 × 50 = 27.5 against 50
    assertThat(chooser.choose(region, 6 * SECOND, 0.34).revision()).isEqualTo("a");
    assertThat(chooser.choose(region, 6 * SECOND, 0.37).revision()).isEqualTo("b");
    // after it: even
    assertThat(chooser.choose(region, 12 * SECOND, 0.49).revision()).isEqualTo("a");
  }

  @Test
  void shouldGiveTheSameStickyKeyTheSamePoint() {
    assertThat(BackendChooser.pointOf("alice"))
        .isEqualTo(BackendChooser.pointOf("alice"))
        .isBetween(0.0, 1.0);
    assertThat(BackendChooser.pointOf("alice")).isNotEqualTo(BackendChooser.pointOf("alicf"));
  }
}
