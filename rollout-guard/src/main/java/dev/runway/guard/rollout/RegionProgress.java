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
 * @param extensions how many times its bake was extended for lack of fresh evidence
 * @param stepStartedAt when its current step was asked for (or its watch began): the progress
 *     deadline counts from here, bake extensions included
 * @param sloAt when observability judged {@code slo}; null before the first verdict
 */
public record RegionProgress(
    String region,
    String previous,
    RegionPhase phase,
    int step,
    Instant since,
    SloStatus slo,
    int extensions,
    Instant stepStartedAt,
    Instant sloAt) {

  RegionProgress to(RegionPhase next, int nextStep, Instant at) {
    boolean newStep = next == RegionPhase.SHIFTING || next == RegionPhase.WATCHING;
    return new RegionProgress(
        region, previous, next, nextStep, at, slo, extensions, newStep ? at : stepStartedAt, sloAt);
  }

  RegionProgress with(SloStatus state, Instant judgedAt) {
    return new RegionProgress(
        region, previous, phase, step, since, state, extensions, stepStartedAt, judgedAt);
  }

  RegionProgress extended(Instant at) {
    return new RegionProgress(
        region, previous, phase, step, at, slo, extensions + 1, stepStartedAt, sloAt);
  }

  /** The same step's shift asked for again: a new wait for its answer, the same deadline. */
  RegionProgress reasked(Instant at) {
    return new RegionProgress(
        region, previous, phase, step, at, slo, extensions, stepStartedAt, sloAt);
  }

  /** The same step with a new progress deadline (an operator resumed it); its bake goes on. */
  RegionProgress restarted(Instant at) {
    return new RegionProgress(region, previous, phase, step, since, slo, extensions, at, sloAt);
  }

  /** When the progress deadline counts from; a region recorded before it had one, its phase. */
  Instant deadlineFrom() {
    return stepStartedAt != null ? stepStartedAt : since;
  }
}
