package dev.runway.cli.demo;

import dev.runway.common.events.RunwayEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo saw, as values: the events about the example service in the order they landed, and
 * what each step measured. A run that stopped early says why in {@code failure} and holds what it
 * saw until then.
 *
 * @param nearest the region that served a client in each region, through the gateway
 * @param failover the region that served each of the requests sent after europe-west1's revision
 *     was killed, in order; empty for a request that failed
 * @param judged the SLO status observability gave each staging region
 * @param v2Phases the phase the guard reports for v2 in each region once its rollout ended
 * @param productionRevisions the revision of each production region at the end
 * @param secondsFaultToLastV2 from v2's first answer in us-east1 to the last it served there
 */
public record DemoOutcome(
    Optional<String> failure,
    List<RunwayEvent> events,
    Map<String, String> nearest,
    List<String> failover,
    Map<String, String> judged,
    Map<String, String> v2Phases,
    List<String> productionRevisions,
    long requests,
    long failedRequests,
    Optional<Double> secondsFaultToLastV2) {

  public boolean completed() {
    return failure.isEmpty();
  }

  /** The events of one type, in order. */
  public <T extends RunwayEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
