package dev.runway.bench;

import static dev.runway.bench.ChaosPlatform.REGIONS;
import static dev.runway.bench.ChaosPlatform.SERVICE;
import static dev.runway.bench.ChaosPlatform.since;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RolloutStarted;
import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.TrafficShifted;

/**
 * A fault in the middle of a guarded rollout, under the clients' traffic: applies a new healthy
 * revision (two steps, each judged by observability on that traffic), waits for the guard to start
 * the rollout, injects the fault at a random point of its next {@link #SPREAD_MS}, and checks the
 * rollout finished exactly once and succeeded: one RolloutFinished (one ce_id), no rollback of a
 * healthy revision, every region serving it, nothing dead-lettered, within the deadline.
 */
final class RolloutTrial {

  /** About the time a rollout of the gradual bench manifest takes undisturbed (20-28 s). */
  static final int SPREAD_MS = 20_000;

  private final ChaosPlatform platform;

  RolloutTrial(ChaosPlatform platform) {
    this.platform = platform;
  }

  ChaosOutcome run(String fault) throws Exception {
    ChaosPlatform.Baseline run = platform.begin(fault);
    long start = run.start();
    platform.apply(
        BenchManifests.gradual(SERVICE, REGIONS, ChaosPlatform.env("rollout-" + fault, run)));
    String revision =
        ((DeploymentCompleted)
                platform
                    .events
                    .await(
                        t ->
                            since(t, start)
                                && t.envelope().data() instanceof DeploymentCompleted d
                                && d.service().equals(SERVICE),
                        ChaosPlatform.DEADLINE)
                    .envelope()
                    .data())
            .revision();
    platform.events.await(
        RolloutStarted.class, s -> s.revision().equals(revision), ChaosPlatform.left(start));
    Thread.sleep(platform.random.nextInt(SPREAD_MS));
    long faultAt = System.currentTimeMillis();
    platform.faults.inject(fault);
    RecordedEvents.Timed finished;
    try {
      finished =
          platform.events.await(
              t ->
                  t.envelope().data() instanceof RolloutFinished f && f.revision().equals(revision),
              ChaosPlatform.left(start));
    } catch (IllegalStateException late) {
      return new ChaosOutcome(
          false,
          false,
          true,
          rolledBack(revision),
          platform.deadLetteredSince(run),
          platform.clientErrorsSince(run, System.currentTimeMillis()),
          0,
          false);
    }
    if (finished.timestamp() < faultAt) {
      return ChaosOutcome.missedRun();
    }
    // a second RolloutFinished would come from a guard replaying what it had done: give it time
    Thread.sleep(2_000);
    long finishes =
        platform
            .events
            .all(
                t ->
                    t.envelope().data() instanceof RolloutFinished f
                        && f.revision().equals(revision))
            .stream()
            .map(t -> t.envelope().id())
            .distinct()
            .count();
    RolloutStatus status = ((RolloutFinished) finished.envelope().data()).status();
    long errors = platform.clientErrorsSince(run, finished.timestamp() + 1_000);
    boolean rolledBack = status != RolloutStatus.SUCCEEDED || rolledBack(revision);
    return new ChaosOutcome(
        !rolledBack && !servedEverywhere(start, revision), // succeeded, yet a step never landed
        finishes > 1,
        false,
        rolledBack,
        platform.deadLetteredSince(run),
        errors,
        finished.timestamp() - faultAt,
        false);
  }

  private boolean rolledBack(String revision) {
    return !platform
        .events
        .all(RollbackRequested.class, r -> r.revision().equals(revision))
        .isEmpty();
  }

  /** Every region moved all of its traffic to {@code revision} (the rollout's last step). */
  private boolean servedEverywhere(long start, String revision) {
    return REGIONS.stream()
        .allMatch(
            region ->
                !platform
                    .events
                    .all(
                        t ->
                            since(t, start)
                                && t.envelope().data() instanceof TrafficShifted s
                                && s.service().equals(SERVICE)
                                && s.region().equals(region)
                                && s.weights().getOrDefault(revision, 0) == 100)
                    .isEmpty());
  }
}
