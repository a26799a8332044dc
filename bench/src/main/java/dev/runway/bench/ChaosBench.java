package dev.runway.bench;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.TrafficShifted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Faults in the middle of a fan-out on a running platform: each run applies a new revision of
 * chaos-service (three regions, expedited), injects the scenario's fault at a random point in the
 * next two seconds, and then checks that the deployment happened exactly once: one revision, one
 * DeploymentCompleted (one ce_id, redeliveries of it aside), every region serving it, nothing
 * dead-lettered, within a deadline. Writes the chaos section of docs/reliability.md.
 *
 * <p>usage: ChaosBench provisionerUrl reconcilerUrl kafka token runwayHome runs scenarios out.md
 */
public final class ChaosBench {

  private static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");
  private static final String SERVICE = "chaos-service";
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  /**
   * One run's outcome; {@code missed} when every region served the revision before the fault
   * landed, so the run tested nothing and is made again.
   */
  private record Outcome(
      boolean lost,
      boolean duplicated,
      boolean stuck,
      long deadLettered,
      double recoveryMs,
      boolean missed) {}

  private final String reconciler;
  private final ApiCalls api;
  private final RecordedEvents events;
  private final DeadLetterCount deadLetters;
  private final Faults faults;
  private final Random random = new Random(7);
  private int applied;

  private ChaosBench(String provisioner, String reconciler, String kafka, String token, Path home)
      throws Exception {
    this.reconciler = reconciler;
    this.api = new ApiCalls(token);
    this.events = new RecordedEvents(kafka);
    this.deadLetters = new DeadLetterCount(kafka);
    this.faults = new Faults(home);
    api.post(
        provisioner + "/api/v1/inventory",
        "application/json",
        """
        {"inventory":[
          {"name":"example-service","project_id":46267196,"regions":%s},
          {"name":"%s","project_id":46267196,"regions":%s}]}
        """
            .formatted(json(REGIONS), SERVICE, json(REGIONS)));
    events.await(ServiceProvisioned.class, p -> p.service().equals(SERVICE), Duration.ofMinutes(1));
  }

  public static void main(String[] args) throws Exception {
    ChaosBench bench = new ChaosBench(args[0], args[1], args[2], args[3], Path.of(args[4]));
    int runs = Integer.parseInt(args[5]);
    List<String> scenarios = List.of(args[6].split(","));
    StringBuilder rows = new StringBuilder();
    bench.run("none"); // the first deployment creates the regions; faults hit updates after it
    for (String scenario : scenarios) {
      List<Outcome> outcomes = new ArrayList<>();
      int missed = 0;
      for (int run = 1; run <= runs; run++) {
        Outcome outcome = bench.run(scenario);
        System.err.printf(Locale.ROOT, "%s run %d: %s%n", scenario, run, outcome);
        if (outcome.missed() && missed++ < 3 * runs) {
          run--; // the fan-out was over before the fault: not a run of this scenario
          continue;
        }
        outcomes.add(outcome);
      }
      List<Double> recoveries =
          outcomes.stream().filter(o -> !o.lost() && !o.stuck()).map(Outcome::recoveryMs).toList();
      rows.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %s | %s |%n",
              Faults.describe(scenario),
              runs,
              outcomes.stream().filter(Outcome::lost).count(),
              outcomes.stream().filter(Outcome::duplicated).count(),
              outcomes.stream().filter(Outcome::stuck).count(),
              outcomes.stream().mapToLong(Outcome::deadLettered).sum(),
              recoveries.isEmpty() ? "–" : seconds(Percentiles.median(recoveries)),
              recoveries.isEmpty() ? "–" : seconds(Percentiles.of(recoveries, 100))));
    }
    String report =
        String.format(
            Locale.ROOT,
            """
            Measured %s by `bench/chaos.sh %d%s` on this machine (2 cores). Each run applies a new
            revision of a three-region service and injects the fault at a random point of the
            next second, while the fan-out is under way (a run whose fan-out was over before the
            fault tested nothing and is made again). Lost: the deployment never completed;
            duplicated: a second revision or a second DeploymentCompleted (by ce_id); stuck: not
            every region served the revision within %d min; dead-lettered: records added to
            runway.dead-letter during the run. Recovery: from the fault to the last region
            serving the revision (median and worst of the runs).

            | scenario | runs | lost | duplicated | stuck | dead-lettered | recovery (median) | recovery (worst) |
            |---|---:|---:|---:|---:|---:|---:|---:|
            %s
            """,
            LocalDate.now(),
            runs,
            args.length > 8 ? " " + args[6] + " " + args[8] : "",
            DEADLINE.toMinutes(),
            rows.toString().strip());
    System.out.println(report);
    MarkdownSection.write(Path.of(args[7]), args.length > 8 ? args[8] : "chaos", report);
    System.exit(0);
  }

  private Outcome run(String scenario) throws Exception {
    applied++;
    long deadBefore = deadLetters.now();
    long start = System.currentTimeMillis();
    // a changed variable makes a new revision; no watch after 100%, so the next run can start
    String manifest =
        BenchManifests.expedited(
            SERVICE, REGIONS, ", watch: 0s", "{ RUN: \"" + scenario + "-" + applied + "\" }");
    String url = reconciler + "/api/v1/services/" + SERVICE + "/manifests/staging";
    apply(url, manifest);
    Thread.sleep(random.nextInt(1000));
    long fault = System.currentTimeMillis();
    faults.inject(scenario);
    String revision;
    try {
      revision =
          ((RegionDeployRequested)
                  events
                      .await(t -> since(t, start) && of(t, RegionDeployRequested.class), DEADLINE)
                      .envelope()
                      .data())
              .revision()
              .name();
    } catch (IllegalStateException none) {
      return new Outcome(true, false, true, deadLetters.now() - deadBefore, 0, false);
    }
    boolean stuck = false;
    long served = 0;
    try {
      for (String region : REGIONS) {
        served =
            Math.max(
                served,
                events
                    .await(
                        t ->
                            since(t, start)
                                && t.envelope().data() instanceof TrafficShifted s
                                && s.service().equals(SERVICE)
                                && s.region().equals(region)
                                && s.weights().getOrDefault(revision, 0) == 100,
                        Duration.ofMillis(
                            Math.max(1, start + DEADLINE.toMillis() - System.currentTimeMillis())))
                    .timestamp());
      }
    } catch (IllegalStateException late) {
      stuck = true;
    }
    List<String> completions =
        events
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
        events.all(t -> since(t, start) && of(t, RegionDeployRequested.class)).stream()
            .map(t -> ((RegionDeployRequested) t.envelope().data()).revision().name())
            .collect(Collectors.toSet());
    boolean lost = completions.isEmpty();
    boolean duplicated = completions.size() > 1 || revisions.size() > 1;
    return new Outcome(
        lost,
        duplicated,
        stuck,
        deadLetters.now() - deadBefore,
        stuck ? 0 : served - fault,
        // a relay hook that never fired (nothing left to publish) crashed nothing
        (!stuck && served < fault) | faults.disarm(scenario));
  }

  /** Applies, waiting out a 409 or a reconciler still restarting after the last run's kill. */
  private void apply(String url, String manifest) throws Exception {
    long deadline = System.currentTimeMillis() + DEADLINE.toMillis();
    while (true) {
      try {
        if (api.post(url, "text/yaml", manifest) != 409) {
          return;
        }
      } catch (java.io.IOException restarting) {
        if (System.currentTimeMillis() > deadline) {
          throw restarting;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the reconciler answered 409 for " + DEADLINE);
      }
      Thread.sleep(200);
    }
  }

  private static boolean since(RecordedEvents.Timed t, long start) {
    return t.timestamp() >= start;
  }

  /** An event of this type about the chaos service. */
  private static boolean of(RecordedEvents.Timed t, Class<?> type) {
    return type.isInstance(t.envelope().data()) && t.envelope().subject().equals(SERVICE);
  }

  private static String json(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }
}
