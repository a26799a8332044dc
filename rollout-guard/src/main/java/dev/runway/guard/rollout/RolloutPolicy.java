package dev.runway.guard.rollout;

import dev.runway.common.manifest.RunwayManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How one revision reaches its traffic, from the manifest's {@code spec.rollout}, resolved against
 * the manifest's regions: the waves every strategy runs through and the steps of each.
 *
 * @param strategy gradual, regional or expedited
 * @param steps traffic percentages, rising, ending at 100 ({@code [100]} for expedited)
 * @param waves groups of regions rolled out together, in order
 * @param bake how long each step must hold healthy before the next
 * @param onBreach what a breach in one region rolls back
 * @param watch how long after 100% a breach still rolls back
 * @param progressDeadline how long a step may take, extensions included, before it stalls (the
 *     watch gets this long after its own end); null for 10 × the bake, at most 10 minutes
 * @param onStall what a stall does; null for pause
 * @param evidence what counts as a fresh verdict; null for {@link Evidence#DEFAULT}
 */
public record RolloutPolicy(
    RunwayManifest.Strategy strategy,
    List<Integer> steps,
    List<List<String>> waves,
    Duration bake,
    RunwayManifest.OnBreach onBreach,
    Duration watch,
    Duration progressDeadline,
    RunwayManifest.OnStall onStall,
    Evidence evidence) {

  public RolloutPolicy {
    steps = List.copyOf(steps);
    waves = waves.stream().map(List::copyOf).toList();
    if (progressDeadline == null) {
      Duration tenBakes = bake.multipliedBy(10);
      progressDeadline =
          tenBakes.compareTo(RunwayManifest.Rollout.MAX_DEFAULT_DEADLINE) > 0
              ? RunwayManifest.Rollout.MAX_DEFAULT_DEADLINE
              : tenBakes;
    }
    onStall = onStall == null ? RunwayManifest.OnStall.pause : onStall;
    evidence = evidence == null ? Evidence.DEFAULT : evidence;
    if (steps.isEmpty() || steps.get(steps.size() - 1) != 100) {
      throw new IllegalArgumentException("steps must end at 100, got " + steps);
    }
  }

  /**
   * Gradual: every region in one wave. Regional: the manifest's waves, or one region per wave in
   * the manifest's order. Expedited: one wave, straight to 100%.
   */
  public static RolloutPolicy of(
      RunwayManifest.Rollout rollout, List<String> regions, Evidence evidence) {
    List<List<String>> waves = new ArrayList<>();
    List<Integer> steps = rollout.steps();
    switch (rollout.strategy()) {
      case gradual -> waves.add(regions);
      case expedited -> {
        waves.add(regions);
        steps = List.of(100);
      }
      case regional -> {
        if (rollout.waves().isEmpty()) {
          regions.forEach(r -> waves.add(List.of(r)));
        } else {
          waves.addAll(rollout.waves());
        }
      }
    }
    return new RolloutPolicy(
        rollout.strategy(),
        steps,
        waves,
        rollout.bakeDuration(),
        rollout.onBreach(),
        rollout.watchDuration(),
        rollout.progressDeadlineDuration(),
        rollout.onStall(),
        evidence);
  }

  /** The same policy over other waves (the regions actually deployed). */
  public RolloutPolicy withWaves(List<List<String>> next) {
    return new RolloutPolicy(
        strategy, steps, next, bake, onBreach, watch, progressDeadline, onStall, evidence);
  }
}
