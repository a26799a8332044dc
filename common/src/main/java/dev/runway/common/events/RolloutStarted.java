package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rollout guard took charge of a new revision: its regions are deployed and it starts moving
 * traffic to it by the manifest's strategy.
 *
 * @param service the service
 * @param environment staging or production
 * @param revision the new revision
 * @param strategy gradual, regional or expedited
 * @param steps the traffic percentages each region goes through
 * @param waves the groups of regions rolled out together, in order
 * @param previous per region, the revision serving it before (a rollback returns to it); a region
 *     missing here is deployed for the first time
 * @param bakeSeconds how long each step must hold healthy
 * @param startedAt when the guard started it
 */
public record RolloutStarted(
    String service,
    Environment environment,
    String revision,
    RunwayManifest.Strategy strategy,
    List<Integer> steps,
    List<List<String>> waves,
    Map<String, String> previous,
    long bakeSeconds,
    Instant startedAt)
    implements RunwayEvent {

  public RolloutStarted {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(revision, "revision");
    Require.present(strategy, "strategy");
    steps = Require.list(steps, "steps");
    waves = Require.list(waves, "waves").stream().map(List::copyOf).toList();
    previous = previous == null ? Map.of() : Map.copyOf(previous);
  }
}
