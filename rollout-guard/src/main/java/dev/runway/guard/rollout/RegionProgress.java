package dev.runway.guard.rollout;

import dev.runway.common.events.SloStatus;
import java.time.Instant;

/**
 * One region of a rollout.
 *
 * @param region the region
 * @param previous the revision serving it before, which a rollback returns to; null on the region's
 *     first deployment
 * @param phase where it is
 * @param step the index of its current step in the policy's steps
 * @param since when it entered the phase (a bake or watch counts from here)
 * @param slo the new revision's latest verdict in the region
 * @param extensions how many times its bake was extended for lack of data
 */
public record RegionProgress(
    String region,
    String previous,
    RegionPhase phase,
    int step,
    Instant since,
    SloStatus slo,
    int extensions) {

  RegionProgress to(RegionPhase next, int nextStep, Instant at) {
    return new RegionProgress(region, previous, next, nextStep, at, slo, extensions);
  }

  RegionProgress with(SloStatus state) {
    return new RegionProgress(region, previous, phase, step, since, state, extensions);
  }

  RegionProgress extended(Instant at) {
    return new RegionProgress(region, previous, phase, step, at, slo, extensions + 1);
  }
}
