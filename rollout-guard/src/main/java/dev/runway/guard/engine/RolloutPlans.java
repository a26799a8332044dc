package dev.runway.guard.engine;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.guard.rollout.Evidence;
import dev.runway.guard.rollout.Rollout;
import dev.runway.guard.rollout.RolloutPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A new rollout from what a deployment left behind: pure, so it is tested without a bus. */
public final class RolloutPlans {
  private RolloutPlans() {}

  /**
   * @param rollout the manifest's {@code spec.rollout} (defaults when the manifest is unknown)
   * @param order the manifest's regions, in its order
   * @param deployed the regions where the revision is ready
   * @param traffic per region, the split set there now (the new revision at 0% beside the one
   *     serving)
   */
  public static Rollout plan(
      String service,
      Environment environment,
      String revision,
      RunwayManifest.Rollout rollout,
      List<String> order,
      List<String> deployed,
      Map<String, Map<String, Integer>> traffic,
      Evidence evidence) {
    List<String> regions = new ArrayList<>(order.stream().filter(deployed::contains).toList());
    deployed.stream().filter(r -> !regions.contains(r)).sorted().forEach(regions::add);
    RolloutPolicy full = RolloutPolicy.of(rollout, regions, evidence);
    List<List<String>> waves = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    for (List<String> wave : full.waves()) {
      List<String> kept = wave.stream().filter(regions::contains).toList();
      if (!kept.isEmpty()) {
        waves.add(kept);
        placed.addAll(kept);
      }
    }
    // Regions the manifest's waves do not name go last, together.
    List<String> unplaced = regions.stream().filter(r -> !placed.contains(r)).toList();
    if (!unplaced.isEmpty()) {
      waves.add(unplaced);
    }
    RolloutPolicy policy = full.withWaves(waves);
    Map<String, String> previous = new HashMap<>();
    for (String region : regions) {
      serving(traffic.getOrDefault(region, Map.of()), revision)
          .ifPresent(p -> previous.put(region, p));
    }
    return Rollout.plan(service, environment, revision, policy, previous);
  }

  /** The revision with the most traffic in a split, other than the new one. */
  static Optional<String> serving(Map<String, Integer> split, String revision) {
    return split.entrySet().stream()
        .filter(e -> e.getValue() > 0 && !e.getKey().equals(revision))
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey);
  }
}
