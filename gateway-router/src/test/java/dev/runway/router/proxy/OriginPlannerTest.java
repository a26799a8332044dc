package dev.runway.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.router.balancing.BackendChooser;
import dev.runway.router.routes.Backend;
import dev.runway.router.routes.BackendState;
import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each attempt goes, decided without a socket. */
class OriginPlannerTest {

  private static final long SECOND = 1_000_000_000L;
  private static final List<String> NEAREST_FIRST = List.of("europe-west1", "us-east1", "us-west1");

  private final OriginPlanner planner = new OriginPlanner(new BackendChooser(0), 50);

  private static WeightedBackend backend(String region, String revision, int weight) {
    return new WeightedBackend(
        new Backend(
            "s",
            Environment.STAGING,
            region,
            revision,
            "http://127.0.0.1/" + region + "/" + revision,
            new BackendState(0)),
        weight);
  }

  private static ServiceRoute route(Map<String, List<WeightedBackend>> regions) {
    return new ServiceRoute("s", Environment.STAGING, regions);
  }

  @Test
  void shouldSendToTheNearestRegionWithAnAvailableBackend() {
    ServiceRoute route =
        route(
            Map.of(
                "europe-west1", List.of(backend("europe-west1", "v1", 100)),
                "us-east1", List.of(backend("us-east1", "v1", 100))));

    OriginPlanner.Origin origin =
        planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.5).orElseThrow();

    assertThat(origin.backend().region()).isEqualTo("europe-west1");
    assertThat(origin.regionIndex()).isZero();
  }

  @Test
  void shouldSkipARegionWhoseBackendsAreEjectedAndOneWithoutARoute() {
    WeightedBackend europe = backend("europe-west1", "v1", 100);
    europe.backend().state().eject(0, 10 * SECOND);
    ServiceRoute route =
        route(
            Map.of(
                "europe-west1",
                List.of(europe),
                "us-west1",
                List.of(backend("us-west1", "v1", 100))));

    OriginPlanner.Origin origin =
        planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.5).orElseThrow();

    assertThat(origin.backend().region()).isEqualTo("us-west1");
    assertThat(origin.regionIndex()).isEqualTo(2);
  }

  @Test
  void shouldRetryOnlyInRegionsAfterTheFailedOne() {
    ServiceRoute route =
        route(
            Map.of(
                "europe-west1", List.of(backend("europe-west1", "v1", 100)),
                "us-east1", List.of(backend("us-east1", "v1", 100))));

    assertThat(planner.next(route, NEAREST_FIRST, 1, false, SECOND, 0.5))
        .hasValueSatisfying(o -> assertThat(o.backend().region()).isEqualTo("us-east1"));
    assertThat(planner.next(route, NEAREST_FIRST, 2, false, SECOND, 0.5)).isEmpty();
  }

  @Test
  void shouldDisregardHealthOnAFirstAttemptWhileFewerThanHalfOfTheBackendsAreAvailable() {
    WeightedBackend europeV1 = backend("europe-west1", "v1", 75);
    WeightedBackend europeV2 = backend("europe-west1", "v2", 25);
    WeightedBackend east = backend("us-east1", "v1", 100);
    europeV1.backend().state().eject(0, 10 * SECOND);
    europeV2.backend().state().eject(0, 10 * SECOND);
    east.backend().state().eject(0, 10 * SECOND);
    ServiceRoute route =
        route(
            Map.of(
                "europe-west1",
                List.of(europeV1, europeV2),
                "us-east1",
                List.of(east),
                "us-west1",
                List.of(backend("us-west1", "v1", 100))));

    // 1 of 4 available: the nearest region by its weights, as if all were healthy
    assertThat(planner.panics(route, SECOND)).isTrue();
    assertThat(planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.9).orElseThrow().backend())
        .isSameAs(europeV2.backend());
    // and its retry goes where health says
    assertThat(planner.next(route, NEAREST_FIRST, 1, false, SECOND, 0.9).orElseThrow().backend())
        .satisfies(b -> assertThat(b.region()).isEqualTo("us-west1"));
  }

  @Test
  void shouldKeepToHealthWhileHalfOfTheBackendsAreAvailable() {
    WeightedBackend europe = backend("europe-west1", "v1", 100);
    europe.backend().state().eject(0, 10 * SECOND);
    ServiceRoute route =
        route(
            Map.of(
                "europe-west1",
                List.of(europe),
                "us-east1",
                List.of(backend("us-east1", "v1", 100))));

    assertThat(planner.panics(route, SECOND)).isFalse();
    assertThat(planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.5).orElseThrow().backend())
        .satisfies(b -> assertThat(b.region()).isEqualTo("us-east1"));
  }

  @Test
  void shouldFindNothingWhenNoneIsAvailableAndPanicIsOff() {
    WeightedBackend europe = backend("europe-west1", "v1", 100);
    europe.backend().state().eject(0, 10 * SECOND);
    ServiceRoute route = route(Map.of("europe-west1", List.of(europe)));

    assertThat(
            new OriginPlanner(new BackendChooser(0), 0)
                .next(route, NEAREST_FIRST, 0, true, SECOND, 0.5))
        .isEmpty();
    assertThat(planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.5))
        .hasValueSatisfying(o -> assertThat(o.backend()).isSameAs(europe.backend()));
  }

  @Test
  void shouldSplitARegionBetweenRevisionsByThePointOnTheWeightRing() {
    ServiceRoute route =
        route(
            Map.of(
                "europe-west1",
                List.of(backend("europe-west1", "v1", 75), backend("europe-west1", "v2", 25))));

    assertThat(planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.1).orElseThrow().backend())
        .satisfies(b -> assertThat(b.revision()).isEqualTo("v1"));
    assertThat(planner.next(route, NEAREST_FIRST, 0, true, SECOND, 0.9).orElseThrow().backend())
        .satisfies(b -> assertThat(b.revision()).isEqualTo("v2"));
  }
}
