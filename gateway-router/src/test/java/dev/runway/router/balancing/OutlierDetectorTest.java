package dev.runway.router.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.BackendState;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {

  private static final long SECOND = 1_000_000_000L;
  private final OutlierDetector detector =
      new OutlierDetector(5, Duration.ofSeconds(10), Duration.ofSeconds(25), 10);
  private final Backend europe = backend("europe-west1");
  private final Backend us = backend("us-east1");
  private final ServiceRoute route =
      new ServiceRoute(
          "s",
          Environment.PRODUCTION,
          Map.of(
              "europe-west1", List.of(new WeightedBackend(europe, 100)),
              "us-east1", List.of(new WeightedBackend(us, 100))));

  private static Backend backend(String region) {
    return new Backend(
        "s",
        Environment.PRODUCTION,
        region,
        "s-production-00001",
        "http://" + region,
        new BackendState(0));
  }

  @Test
  void shouldEjectAfterTheThresholdOfFailuresInARow() {
    for (int i = 0; i < 4; i++) {
      assertThat(detector.failed(europe, route, 0)).isFalse();
    }
    assertThat(detector.failed(europe, route, 0)).isTrue();
    assertThat(europe.state().available(9 * SECOND)).isFalse();
    assertThat(europe.state().available(10 * SECOND)).isTrue();
  }

  @Test
  void shouldStartCountingAgainAfterASuccess() {
    for (int i = 0; i < 4; i++) {
      detector.failed(europe, route, 0);
    }
    detector.succeeded(europe);
    for (int i = 0; i < 4; i++) {
      assertThat(detector.failed(europe, route, 0)).isFalse();
    }
  }

  @Test
  void shouldEjectLongerEachTimeUpToTheMaximum() {
    long now = 0;
    long[] lengths = new long[3];
    for (int ejection = 0; ejection < 3; ejection++) {
      for (int i = 0; i < 5; i++) {
        detector.failed(europe, route, now);
      }
      lengths[ejection] = europe.state().ejectedUntil() - now;
      now = europe.state().ejectedUntil();
    }
    assertThat(lengths).containsExactly(10 * SECOND, 20 * SECOND, 25 * SECOND);
  }

  @Test
  void shouldEjectNoMoreThanTheMaximumShareOfAServicesBackendsAtOnce() {
    Backend[] backends = new Backend[10];
    Map<String, List<WeightedBackend>> regions = new java.util.HashMap<>();
    for (int i = 0; i < backends.length; i++) {
      backends[i] = backend("region-" + i);
      regions.put("region-" + i, List.of(new WeightedBackend(backends[i], 100)));
    }
    ServiceRoute ten = new ServiceRoute("s", Environment.PRODUCTION, regions);
    OutlierDetector fifth =
        new OutlierDetector(5, Duration.ofSeconds(10), Duration.ofSeconds(25), 20);

    // A fault that hits every backend at once: only two of ten (20%) are ejected
    int ejected = 0;
    for (Backend b : backends) {
      for (int i = 0; i < 5; i++) {
        ejected += fifth.failed(b, ten, 0) ? 1 : 0;
      }
    }
    assertThat(ejected).isEqualTo(2);
    // The default 10% of two backends still allows one: an outlier is always ejectable
    for (int i = 0; i < 5; i++) {
      detector.failed(europe, route, 0);
    }
    assertThat(europe.state().ejected(0)).isTrue();
    // and once it is readmitted, another may go
    for (int i = 0; i < 5; i++) {
      detector.failed(us, route, 11 * SECOND);
    }
    assertThat(us.state().ejected(11 * SECOND)).isTrue();
  }

  @Test
  void shouldNeverEjectTheLastAvailableBackend() {
    us.state().eject(0, 100 * SECOND);

    for (int i = 0; i < 20; i++) {
      assertThat(detector.failed(europe, route, SECOND)).isFalse();
    }
    assertThat(europe.state().available(SECOND)).isTrue();
  }
}
