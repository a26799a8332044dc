package dev.runway.guard.rollout;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One revision's rollout in one environment: the state the guard persists. Transitions are in
 * {@link Transitions}; this record only holds and reads state.
 *
 * @param service the service
 * @param environment staging or production
 * @param revision the new revision
 * @param policy its strategy, steps, waves, bake, breach policy and watch
 * @param regions every region's progress, in wave order
 * @param wave the index of the wave in progress
 * @param status the rollout as a whole
 * @param paused whether it holds where it is (breaches still roll back)
 * @param promotionDecided whether staging's promotion was approved or blocked already
 * @param hold while paused, why and what it waits for (an operator's resume or rollback)
 */
public record Rollout(
    String service,
    Environment environment,
    String revision,
    RolloutPolicy policy,
    Map<String, RegionProgress> regions,
    int wave,
    RolloutStatus status,
    boolean paused,
    boolean promotionDecided,
    String hold) {

  public Rollout {
    regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
  }

  /**
   * A rollout not yet started.
   *
   * @param previous the revision serving each region now; a region missing here is deployed for the
   *     first time
   */
  public static Rollout plan(
      String service,
      Environment environment,
      String revision,
      RolloutPolicy policy,
      Map<String, String> previous) {
    Map<String, RegionProgress> regions = new LinkedHashMap<>();
    for (List<String> wave : policy.waves()) {
      for (String region : wave) {
        regions.put(
            region,
            new RegionProgress(
                region,
                previous.get(region),
                RegionPhase.WAITING,
                0,
                null,
                SloStatus.INSUFFICIENT_DATA,
                0,
                null,
                null,
                null,
                0,
                null,
                null));
      }
    }
    return new Rollout(
        service,
        environment,
        revision,
        policy,
        regions,
        0,
        RolloutStatus.ROLLING,
        false,
        false,
        null);
  }

  /** The share of traffic the region's current step gives the new revision. */
  public int percent(RegionProgress region) {
    return policy.steps().get(region.step());
  }

  /** The share of the region's traffic the new revision has now (0 unless it serves there). */
  public int serving(RegionProgress region) {
    return region.phase().serving() && region.phase() != RegionPhase.SHIFTING ? percent(region) : 0;
  }

  public boolean finished() {
    return status == RolloutStatus.SUCCEEDED
        || status == RolloutStatus.ROLLED_BACK
        || status == RolloutStatus.FAILED
        || status == RolloutStatus.SUPERSEDED;
  }

  Rollout with(Map<String, RegionProgress> next) {
    return new Rollout(
        service, environment, revision, policy, next, wave, status, paused, promotionDecided, hold);
  }

  Rollout withWave(int next) {
    return new Rollout(
        service,
        environment,
        revision,
        policy,
        regions,
        next,
        status,
        paused,
        promotionDecided,
        hold);
  }

  Rollout withStatus(RolloutStatus next) {
    return new Rollout(
        service,
        environment,
        revision,
        policy,
        regions,
        wave,
        next,
        paused,
        promotionDecided,
        hold);
  }

  /** Held where it is, and why; breaches still roll back. */
  Rollout held(String why) {
    return new Rollout(
        service, environment, revision, policy, regions, wave, status, true, promotionDecided, why);
  }

  Rollout resumed() {
    return new Rollout(
        service,
        environment,
        revision,
        policy,
        regions,
        wave,
        status,
        false,
        promotionDecided,
        null);
  }

  Rollout withPromotionDecided() {
    return new Rollout(
        service, environment, revision, policy, regions, wave, status, paused, true, hold);
  }
}
