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
 * @param refusal why the reconciler last refused the current step (TrafficShiftFailed); null when
 *     it did not
 * @param refusals how often it refused the current step; asked again after a backoff that doubles
 *     with each refusal
 * @param trafficAt when the current step's traffic took effect (the TrafficShifted that confirmed
 *     it was published); evidence for the step must begin after it. Null while shifting
 * @param sloFrom where the window behind {@code slo} began; null when the verdict named none
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
    Instant sloAt,
    String refusal,
    Integer refusals,
    Instant trafficAt,
    Instant sloFrom) {

  RegionProgress to(RegionPhase next, int nextStep, Instant at) {
    boolean newStep = next == RegionPhase.SHIFTING || next == RegionPhase.WATCHING;
    return new RegionProgress(
        region,
        previous,
        next,
        nextStep,
        at,
        slo,
        extensions,
        newStep ? at : stepStartedAt,
        sloAt,
        newStep ? null : refusal,
        newStep ? 0 : refusals,
        next == RegionPhase.SHIFTING ? null : trafficAt,
        sloFrom);
  }

  /** The step's shift was confirmed at {@code at}: its bake and its evidence count from there. */
  RegionProgress confirmed(Instant at) {
    return new RegionProgress(
        region,
        previous,
        RegionPhase.BAKING,
        step,
        at,
        slo,
        extensions,
        stepStartedAt,
        sloAt,
        refusal,
        refusals,
        at,
        sloFrom);
  }

  RegionProgress with(SloStatus state, Instant judgedAt, Instant windowStart) {
    return new RegionProgress(
        region,
        previous,
        phase,
        step,
        since,
        state,
        extensions,
        stepStartedAt,
        judgedAt,
        refusal,
        refusals,
        trafficAt,
        windowStart);
  }

  RegionProgress extended(Instant at) {
    return waitingFrom(at, extensions + 1, refusal, refusals);
  }

  /** The same step's shift asked for again: a new wait for its answer, the same deadline. */
  RegionProgress reasked(Instant at) {
    return waitingFrom(at, extensions, refusal, refusals);
  }

  /** The same step with a new progress deadline (an operator resumed it); its bake goes on. */
  RegionProgress restarted(Instant at) {
    return new RegionProgress(
        region,
        previous,
        phase,
        step,
        since,
        slo,
        extensions,
        at,
        sloAt,
        refusal,
        refusals,
        trafficAt,
        sloFrom);
  }

  /** The reconciler refused the current step: wait the backoff from now, then ask again. */
  RegionProgress refused(String why, Instant at) {
    return waitingFrom(at, extensions, why, refusalCount() + 1);
  }

  /** The same step in the same phase, its wait starting again at {@code at}. */
  private RegionProgress waitingFrom(Instant at, int ext, String why, Integer count) {
    return new RegionProgress(
        region,
        previous,
        phase,
        step,
        at,
        slo,
        ext,
        stepStartedAt,
        sloAt,
        why,
        count,
        trafficAt,
        sloFrom);
  }

  int refusalCount() {
    return refusals == null ? 0 : refusals;
  }

  /** The step's refusals for a stall's reason; empty when there were none. */
  String refusalsText() {
    return refusal == null ? "" : " (refused " + refusalCount() + " times, last: " + refusal + ")";
  }

  /** When the progress deadline counts from; a region recorded before it had one, its phase. */
  Instant deadlineFrom() {
    return stepStartedAt != null ? stepStartedAt : since;
  }
}
