package dev.runway.reconciler.plan;

import dev.runway.common.events.RegionAction;
import dev.runway.common.events.RegionPlan;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.RunwayManifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Desired versus actual, region by region: a pure function from the manifest, the revision it
 * resolves to, what runs in each region and the revisions known, to one action per region.
 */
public final class Planner {
  private Planner() {}

  /** Estimates that turn a plan into an expected duration. */
  public record Estimates(Duration deploy, Duration remove) {
    public static final Estimates DEFAULT =
        new Estimates(Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  public static List<RegionPlan> plan(
      RunwayManifest.Spec spec,
      Revision desired,
      Map<String, RegionActual> actual,
      Map<String, Revision> known,
      Estimates estimates) {
    List<RegionPlan> plans = new ArrayList<>();
    TreeSet<String> regions = new TreeSet<>(spec.regions());
    actual.values().stream()
        .filter(a -> a.status() != RegionStatus.ABSENT)
        .forEach(a -> regions.add(a.region()));
    for (String region : regions) {
      RegionActual now = actual.getOrDefault(region, RegionActual.absent(region));
      if (!spec.regions().contains(region)) {
        plans.add(
            new RegionPlan(
                region,
                RegionAction.REMOVE,
                now.revision(),
                null,
                List.of("spec.regions"),
                List.of(),
                estimates.remove().toSeconds()));
        continue;
      }
      plans.add(planRegion(spec, desired, now, known, estimates, waveOf(spec, region)));
    }
    return plans;
  }

  private static RegionPlan planRegion(
      RunwayManifest.Spec spec,
      Revision desired,
      RegionActual now,
      Map<String, Revision> known,
      Estimates estimates,
      int wave) {
    List<Integer> steps = steps(spec.rollout());
    long rollout =
        estimates.deploy().toSeconds() + spec.rollout().bakeDuration().toSeconds() * steps.size();
    long expected = rollout * (wave + 1);
    if (desired.name().equals(now.quarantined())) {
      // Rolled back here: re-applying the same configuration would fail the same way. A changed
      // manifest resolves to a new revision and lifts this.
      return new RegionPlan(
          now.region(),
          RegionAction.NOTHING,
          now.revision(),
          now.revision(),
          List.of(),
          List.of(),
          0);
    }
    if (now.revision() == null || now.status() == RegionStatus.ABSENT) {
      return new RegionPlan(
          now.region(),
          RegionAction.CREATE,
          null,
          desired.name(),
          List.of("spec.regions"),
          steps,
          expected);
    }
    if (!now.revision().equals(desired.name())) {
      List<String> changes = changes(known.get(now.revision()), desired);
      return new RegionPlan(
          now.region(),
          RegionAction.DEPLOY,
          now.revision(),
          desired.name(),
          changes,
          steps,
          expected);
    }
    if (now.status() == RegionStatus.FAILED) {
      return new RegionPlan(
          now.region(),
          RegionAction.DEPLOY,
          now.revision(),
          desired.name(),
          List.of(),
          steps,
          expected);
    }
    if (now.status() == RegionStatus.READY && !now.servesOnly(desired.name())) {
      return new RegionPlan(
          now.region(),
          RegionAction.SHIFT_TRAFFIC,
          now.revision(),
          desired.name(),
          List.of(),
          steps,
          spec.rollout().bakeDuration().toSeconds() * steps.size());
    }
    return new RegionPlan(
        now.region(),
        RegionAction.NOTHING,
        now.revision(),
        desired.name(),
        List.of(),
        List.of(),
        0);
  }

  /** The traffic steps a new revision goes through; expedited goes straight to 100. */
  static List<Integer> steps(RunwayManifest.Rollout rollout) {
    return rollout.strategy() == RunwayManifest.Strategy.expedited ? List.of(100) : rollout.steps();
  }

  /** The region's wave under strategy regional (0 for the others, where all go together). */
  static int waveOf(RunwayManifest.Spec spec, String region) {
    if (spec.rollout().strategy() != RunwayManifest.Strategy.regional) {
      return 0;
    }
    List<List<String>> waves = spec.rollout().waves();
    if (waves.isEmpty()) {
      return spec.regions().indexOf(region);
    }
    for (int w = 0; w < waves.size(); w++) {
      if (waves.get(w).contains(region)) {
        return w;
      }
    }
    return 0;
  }

  /**
   * The manifest fields in which two revisions differ, by path; all of them if the old is unknown.
   */
  static List<String> changes(Revision from, Revision to) {
    List<String> changes = new ArrayList<>();
    if (from == null || !from.image().equals(to.image())) {
      changes.add("spec.image");
    }
    if (from == null || from.containerPort() != to.containerPort()) {
      changes.add("spec.container_port");
    }
    TreeMap<String, String> before = new TreeMap<>(from == null ? Map.of() : from.env());
    TreeMap<String, String> after = new TreeMap<>(to.env());
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        changes.add("spec.env." + key);
      }
    }
    if (from == null || !from.resources().equals(to.resources())) {
      changes.add("spec.resources");
    }
    if (from == null || !from.scaling().equals(to.scaling())) {
      changes.add("spec.scaling");
    }
    if (from == null || !from.readinessPath().equals(to.readinessPath())) {
      changes.add("spec.health.readiness_path");
    }
    if (from == null || !from.localCommand().equals(to.localCommand())) {
      changes.add("spec.local.command");
    }
    return changes;
  }
}
