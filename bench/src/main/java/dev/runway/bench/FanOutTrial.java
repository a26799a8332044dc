package dev.runway.bench;

import static dev.runway.bench.ChaosPlatform.REGIONS;
import static dev.runway.bench.ChaosPlatform.SERVICE;
import static dev.runway.bench.ChaosPlatform.of;
import static dev.runway.bench.ChaosPlatform.since;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.TrafficShifted;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault in the middle of a fan-out: applies a new revision of the chaos service (expedited, no
 * watch), injects the fault at a random point of the next second, and checks the deployment
 * happened exactly once: one revision, one DeploymentCompleted (one ce_id, redeliveries aside),
 * every region serving it, nothing dead-lettered, within the deadline.
 */
final class FanOutTrial {

  private final ChaosPlatform platform;

  FanOutTrial(ChaosPlatform platform) {
    this.platform = platform;
  }

  ChaosOutcome run(String fault) throws Exception {
    ChaosPlatform.Baseline run = platform.begin(fault);
    long start = run.start();
    // a changed variable makes a new revision; no watch after 100%, so the next run can start
    platform.apply(
        BenchManifests.expedited(SERVICE, REGIONS, ", watch: 0s", ChaosPlatform.env(fault, run)));
    Thread.sleep(platform.random.nextInt(1000));
    long faultAt = System.currentTimeMillis();
    platform.faults.inject(fault);
    String revision;
    try {
      revision =
          ((RegionDeployRequested)
                  platform
                      .events
                      .await(
                          t -> since(t, start) && of(t, RegionDeployRequested.class),
                          ChaosPlatform.DEADLINE)
                      .envelope()
                      .data())
              .revision()
              .name();
    } catch (IllegalStateException none) {
      return new ChaosOutcome(
          true, false, true, false, platform.deadLetteredSince(run), -1, 0, false);
    }
    boolean stuck = false;
    long served = 0;
    try {
      for (String region : REGIONS) {
        served = Math.max(served, servedAt(start, revision, region));
      }
    } catch (IllegalStateException late) {
      stuck = true;
    }
    List<String> completions =
        platform
            .events
            .all(
                t ->
                    t.envelope().data() instanceof DeploymentCompleted d
                        && d.service().equals(SERVICE)
                        && d.revision().equals(revision))
            .stream()
            .map(t -> t.envelope().id())
            .distinct()
            .toList();
    Set<String> revisions =
        platform.events.all(t -> since(t, start) && of(t, RegionDeployRequested.class)).stream()
            .map(t -> ((RegionDeployRequested) t.envelope().data()).revision().name())
            .collect(Collectors.toSet());
    long errors = platform.clientErrorsSince(run, Math.max(served, faultAt) + 1_000);
    // a relay hook that never fired (nothing left to publish) crashed nothing
    boolean unfired = platform.faults.disarm(fault);
    if (unfired || !stuck && served < faultAt) {
      return ChaosOutcome.missedRun();
    }
    return new ChaosOutcome(
        completions.isEmpty(),
        completions.size() > 1 || revisions.size() > 1,
        stuck,
        false,
        platform.deadLetteredSince(run),
        errors,
        stuck ? 0 : served - faultAt,
        false);
  }

  /** When {@code region} first served {@code revision} to all of its traffic. */
  private long servedAt(long start, String revision, String region) throws InterruptedException {
    return platform
        .events
        .await(
            t ->
                since(t, start)
                    && t.envelope().data() instanceof TrafficShifted s
                    && s.service().equals(SERVICE)
                    && s.region().equals(region)
                    && s.weights().getOrDefault(revision, 0) == 100,
            ChaosPlatform.left(start))
        .timestamp();
  }
}
