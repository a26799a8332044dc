package dev.runway.guard.rollout;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.common.manifest.RunwayManifest.OnBreach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transition in progress: the state so far and the commands it causes ({@link Transitions}).
 */
final class Change {
  Rollout state;
  final List<Command> commands = new ArrayList<>();

  Change(Rollout state) {
    this.state = state;
  }

  void start(Instant at) {
    boolean started =
        state.regions().values().stream().anyMatch(r -> r.phase() != RegionPhase.WAITING);
    if (!started) {
      beginWave(0, at);
    }
  }

  private void beginWave(int wave, Instant at) {
    state = state.withWave(wave);
    for (String region : state.policy().waves().get(wave)) {
      RegionProgress progress = state.regions().get(region);
      if (progress.phase() != RegionPhase.WAITING) {
        continue;
      }
      // A region's first deployment has nothing to split traffic with: it takes all of it
      // at once and is watched like any other.
      int step = progress.previous() == null ? state.policy().steps().size() - 1 : 0;
      put(progress.to(RegionPhase.SHIFTING, step, at));
      commands.add(
          new Command.ShiftTraffic(region, state.revision(), state.policy().steps().get(step)));
    }
  }

  void shifted(Input.Shifted shifted) {
    RegionProgress region = state.regions().get(shifted.region());
    if (region != null
        && region.phase() == RegionPhase.SHIFTING
        && shifted.percent() == state.percent(region)) {
      put(region.confirmed(shifted.at()));
    }
  }

  void shiftFailed(Input.ShiftFailed failed) {
    RegionProgress region = state.regions().get(failed.region());
    if (region != null
        && region.phase() == RegionPhase.SHIFTING
        && failed.percent() == state.percent(region)) {
      put(region.refused(failed.reason(), failed.at()));
    }
  }

  void verdict(Input.Verdict verdict) {
    RegionProgress region = state.regions().get(verdict.region());
    if (region == null) {
      return;
    }
    put(region.with(verdict.state(), verdict.judgedAt(), verdict.windowStart()));
    if (verdict.state() != SloStatus.BREACHED
        || !(region.phase() == RegionPhase.SHIFTING
            || region.phase() == RegionPhase.BAKING
            || region.phase() == RegionPhase.WATCHING)) {
      return; // after the watch, or once rolled back, a breach is not this rollout's to act on
    }
    if (region.previous() == null) {
      fail(
          verdict.region(),
          state.revision()
              + " breaches in "
              + verdict.region()
              + " and there is no previous revision to return to");
      return;
    }
    String reason = state.revision() + " breached its SLO in " + verdict.region();
    OnBreach policy = state.policy().onBreach();
    if (policy == OnBreach.all) {
      for (RegionProgress serving : state.regions().values()) {
        if (serving.phase().serving() && serving.phase() != RegionPhase.DONE) {
          rollback(serving, reason, verdict.at());
        }
      }
    } else {
      rollback(state.regions().get(verdict.region()), reason, verdict.at());
    }
    if (policy != OnBreach.region) {
      haltWaiting(verdict.at());
    }
    if (policy == OnBreach.halt && anyShifting()) {
      // Regions already on their way stop where they are: no further step on this revision
      // until a person has looked.
      state =
          state.held(
              reason
                  + "; on_breach halt holds the other regions where they are: resume or roll"
                  + " back");
    }
    blockPromotion(reason);
  }

  void previousBreached(Input.PreviousBreached breached) {
    RegionProgress region = state.regions().get(breached.region());
    if (region != null && region.phase() == RegionPhase.ROLLED_BACK) {
      // No bouncing between two bad revisions: stop and ask for a person.
      fail(
          breached.region(),
          "the previous revision "
              + region.previous()
              + " breaches in "
              + breached.region()
              + " too, after the rollback");
    }
  }

  void operatorRollback(Input.OperatorRollback order) {
    String reason = "rolled back by an operator";
    for (RegionProgress region : state.regions().values()) {
      boolean named = order.regions().isEmpty() || order.regions().contains(region.region());
      if (named && region.phase().serving() && region.previous() != null) {
        rollback(region, reason, order.at());
      }
    }
    if (order.regions().isEmpty()) {
      haltWaiting(order.at());
    }
    blockPromotion(reason);
  }

  void tick(Input.Tick tick) {
    if (tick.hearingSince() == null) {
      return; // the latest facts may be unread: advancing or stalling now would guess
    }
    Instant at = tick.at();
    Duration deadline = state.policy().progressDeadline();
    boolean heardADeadline = Duration.between(tick.hearingSince(), at).compareTo(deadline) >= 0;
    for (RegionProgress region : state.regions().values()) {
      if (state.paused() || state.finished()) {
        return;
      }
      if (region.phase() != RegionPhase.SHIFTING
          && region.phase() != RegionPhase.BAKING
          && region.phase() != RegionPhase.WATCHING) {
        continue;
      }
      Duration held = region.since() == null ? Duration.ZERO : Duration.between(region.since(), at);
      boolean overdue =
          heardADeadline && Duration.between(region.deadlineFrom(), at).compareTo(deadline) >= 0;
      if (region.phase() == RegionPhase.SHIFTING) {
        if (overdue) {
          stall(
              region,
              "no TrafficShifted confirmed " + state.percent(region) + "%" + region.refusalsText(),
              at);
        } else if (held.compareTo(reaskAfter(region)) >= 0) {
          // The order or its answer was lost, or refused (a region busy deploying, a routing
          // fault): ask again after a backoff, inside the deadline.
          put(region.reasked(at));
          commands.add(
              new Command.ShiftTraffic(region.region(), state.revision(), state.percent(region)));
        }
      } else if (region.phase() == RegionPhase.BAKING
          && held.compareTo(state.policy().bake()) >= 0) {
        if (state.policy().evidence().holds(region, at)) {
          advance(region, at);
        } else if (overdue) {
          stall(region, state.policy().evidence().missing(region, state.percent(region), at), at);
        } else {
          put(region.extended(at)); // no fresh evidence: bake longer rather than guess
        }
      } else if (region.phase() == RegionPhase.WATCHING
          && held.compareTo(state.policy().watch()) >= 0) {
        if (state.policy().evidence().holds(region, at)) {
          put(region.to(RegionPhase.DONE, region.step(), at));
        } else if (heardADeadline && held.compareTo(state.policy().watch().plus(deadline)) >= 0) {
          stall(
              region,
              state.policy().evidence().missing(region, state.percent(region), at)
                  + " to end the watch",
              at);
        }
      }
    }
  }

  /**
   * The step outlived its deadline: fail closed. Pause for an operator, or roll back every region
   * serving the revision, as the policy says.
   */
  private void stall(RegionProgress region, String waitingFor, Instant at) {
    String reason =
        region.region()
            + ": "
            + waitingFor
            + " within the progress deadline of "
            + state.policy().progressDeadline().toSeconds()
            + " s";
    commands.add(new Command.Stall(region.region(), reason, state.policy().onStall()));
    if (state.policy().onStall() == RunwayManifest.OnStall.pause) {
      state = state.held("stalled: " + reason + "; resume or roll back");
      return;
    }
    for (RegionProgress serving : state.regions().values()) {
      if (serving.phase().serving() && serving.phase() != RegionPhase.DONE) {
        if (serving.previous() == null) {
          fail(serving.region(), "stalled with no previous revision to return to: " + reason);
          return;
        }
        rollback(serving, "stalled: " + reason, at);
      }
    }
    haltWaiting(at);
    blockPromotion("stalled: " + reason);
  }

  /** An operator resumed: every region's deadline starts again, lost shifts are asked again. */
  void resume(Instant at) {
    state = state.resumed();
    for (RegionProgress region : state.regions().values()) {
      if (region.phase() == RegionPhase.SHIFTING
          || region.phase() == RegionPhase.BAKING
          || region.phase() == RegionPhase.WATCHING) {
        put(region.restarted(at));
      }
      if (region.phase() == RegionPhase.SHIFTING) {
        commands.add(
            new Command.ShiftTraffic(region.region(), state.revision(), state.percent(region)));
      }
    }
  }

  /** A bake time, doubled with each refusal of the step (at most 16 times). */
  private Duration reaskAfter(RegionProgress region) {
    return state.policy().bake().multipliedBy(1L << Math.min(region.refusalCount(), 4));
  }

  private boolean anyShifting() {
    return state.regions().values().stream()
        .anyMatch(r -> r.phase() == RegionPhase.SHIFTING || r.phase() == RegionPhase.BAKING);
  }

  private void advance(RegionProgress region, Instant at) {
    int last = state.policy().steps().size() - 1;
    if (region.step() >= last) {
      put(region.to(RegionPhase.WATCHING, region.step(), at));
      return;
    }
    int next = region.step() + 1;
    put(region.to(RegionPhase.SHIFTING, next, at));
    commands.add(
        new Command.ShiftTraffic(
            region.region(), state.revision(), state.policy().steps().get(next)));
  }

  /** After any input: start the next wave, decide promotion, finish. */
  void settle(Instant at) {
    List<String> wave = state.policy().waves().get(state.wave());
    boolean waveBaked =
        wave.stream()
            .map(r -> state.regions().get(r).phase())
            .allMatch(p -> p == RegionPhase.WATCHING || p.ended());
    boolean anyRolledBack = rolledBack().size() > 0 || halted();
    // With on_breach region a breach rolls back its region alone: later waves carry on.
    boolean carryOn = !anyRolledBack || state.policy().onBreach() == OnBreach.region;
    if (waveBaked
        && carryOn
        && !state.paused()
        && state.wave() + 1 < state.policy().waves().size()) {
      beginWave(state.wave() + 1, at);
    } else if (waveBaked && !carryOn) {
      haltWaiting(at); // they will never start: say so, and let the rollout end
    }
    boolean allBaked =
        state.regions().values().stream()
            .allMatch(r -> r.phase() == RegionPhase.WATCHING || r.phase() == RegionPhase.DONE);
    if (allBaked && !state.promotionDecided() && isStaging()) {
      commands.add(new Command.ApprovePromotion(state.revision()));
      state = state.withPromotionDecided();
    }
    if (allBaked && state.status() == RolloutStatus.ROLLING) {
      state = state.withStatus(RolloutStatus.WATCHING);
    }
    if (state.regions().values().stream().allMatch(r -> r.phase().ended())) {
      RolloutStatus end = anyRolledBack ? RolloutStatus.ROLLED_BACK : RolloutStatus.SUCCEEDED;
      state = state.withStatus(end);
      commands.add(new Command.Finish(end, rolledBack()));
    }
  }

  private void rollback(RegionProgress region, String reason, Instant at) {
    if (region.phase() == RegionPhase.ROLLED_BACK) {
      return;
    }
    put(region.to(RegionPhase.ROLLED_BACK, region.step(), at));
    commands.add(new Command.Rollback(region.region(), region.previous(), reason));
  }

  private void haltWaiting(Instant at) {
    for (RegionProgress region : state.regions().values()) {
      if (region.phase() == RegionPhase.WAITING) {
        put(region.to(RegionPhase.HALTED, region.step(), at));
      }
    }
  }

  private void blockPromotion(String reason) {
    if (!state.promotionDecided() && isStaging()) {
      commands.add(new Command.BlockPromotion(state.revision(), reason));
      state = state.withPromotionDecided();
    }
  }

  private void fail(String region, String reason) {
    commands.add(new Command.RaiseRollbackFailed(region, reason));
    blockPromotion(reason);
    state = state.withStatus(RolloutStatus.FAILED);
    commands.add(new Command.Finish(RolloutStatus.FAILED, rolledBack()));
  }

  List<String> rolledBack() {
    return state.regions().values().stream()
        .filter(r -> r.phase() == RegionPhase.ROLLED_BACK)
        .map(RegionProgress::region)
        .toList();
  }

  private boolean halted() {
    return state.regions().values().stream().anyMatch(r -> r.phase() == RegionPhase.HALTED);
  }

  private boolean isStaging() {
    return state.environment() == Environment.STAGING;
  }

  private void put(RegionProgress region) {
    Map<String, RegionProgress> next = new LinkedHashMap<>(state.regions());
    next.put(region.region(), region);
    state = state.with(next);
  }
}
