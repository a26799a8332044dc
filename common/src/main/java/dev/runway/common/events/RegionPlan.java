package dev.runway.common.events;

import java.util.List;

/**
 * What a deployment will do in one region.
 *
 * @param region the region
 * @param action the action
 * @param fromRevision what runs there now; empty if nothing
 * @param toRevision what will run there; empty for a removal
 * @param changes the manifest fields that differ, by path ({@code spec.image})
 * @param trafficSteps the traffic percentages the new revision goes through
 * @param expectedSeconds how long the region is expected to take, bake times included
 */
public record RegionPlan(
    String region,
    RegionAction action,
    String fromRevision,
    String toRevision,
    List<String> changes,
    List<Integer> trafficSteps,
    long expectedSeconds) {

  public RegionPlan {
    Require.name(region, "region");
    if (action == null) {
      throw new IllegalArgumentException("action is required");
    }
    fromRevision = fromRevision == null ? "" : fromRevision;
    toRevision = toRevision == null ? "" : toRevision;
    changes = changes == null ? List.of() : List.copyOf(changes);
    trafficSteps = trafficSteps == null ? List.of() : List.copyOf(trafficSteps);
  }
}
