package dev.runway.guard.api;

import dev.runway.common.manifest.Environment;
import dev.runway.guard.rollout.RegionProgress;
import dev.runway.guard.rollout.Rollout;
import dev.runway.guard.state.RolloutRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One rollout as operators see it.
 *
 * @param service the service
 * @param environment staging or production
 * @param revision the revision rolling out
 * @param strategy gradual, regional or expedited
 * @param status ROLLING, WATCHING, SUCCEEDED, ROLLED_BACK, FAILED or SUPERSEDED
 * @param paused whether it holds where it is
 * @param hold while paused, why and what it waits for (stalled, halted, or an operator's pause)
 * @param steps the traffic steps
 * @param bakeSeconds each step's bake
 * @param progressDeadlineSeconds how long a step may take before it stalls
 * @param regions each region, in wave order
 * @param startedAt when it started
 * @param updatedAt when it last changed
 */
public record RolloutView(
    String service,
    Environment environment,
    String revision,
    String strategy,
    String status,
    boolean paused,
    String hold,
    List<Integer> steps,
    long bakeSeconds,
    long progressDeadlineSeconds,
    List<Region> regions,
    OffsetDateTime startedAt,
    OffsetDateTime updatedAt) {

  /**
   * @param region the region
   * @param wave its wave, from 1
   * @param phase WAITING, SHIFTING, BAKING, WATCHING, DONE, ROLLED_BACK or HALTED
   * @param step its step, from 1 (0 before the first)
   * @param percent the new revision's share of the region's traffic now
   * @param previous the revision a rollback returns to
   * @param slo the new revision's latest verdict there
   * @param since when it entered its phase
   * @param bakeExtensions how often its bake was extended for too little data
   */
  public record Region(
      String region,
      int wave,
      String phase,
      int step,
      int percent,
      String previous,
      String slo,
      Instant since,
      int bakeExtensions,
      Instant stepStartedAt,
      Instant verdictAt) {}

  static RolloutView of(RolloutRow row) {
    Rollout rollout = row.rollout();
    List<Region> regions =
        rollout.regions().values().stream()
            .map(
                (RegionProgress r) ->
                    new Region(
                        r.region(),
                        waveOf(rollout, r.region()) + 1,
                        r.phase().name(),
                        r.since() == null ? 0 : r.step() + 1,
                        rollout.serving(r),
                        r.previous(),
                        r.slo().name(),
                        r.since(),
                        r.extensions(),
                        r.stepStartedAt(),
                        r.sloAt()))
            .toList();
    return new RolloutView(
        rollout.service(),
        rollout.environment(),
        rollout.revision(),
        rollout.policy().strategy().name(),
        rollout.status().name(),
        rollout.paused(),
        rollout.hold(),
        rollout.policy().steps(),
        rollout.policy().bake().toSeconds(),
        rollout.policy().progressDeadline().toSeconds(),
        regions,
        row.startedAt,
        row.updatedAt);
  }

  private static int waveOf(Rollout rollout, String region) {
    List<List<String>> waves = rollout.policy().waves();
    for (int w = 0; w < waves.size(); w++) {
      if (waves.get(w).contains(region)) {
        return w;
      }
    }
    return 0;
  }
}
