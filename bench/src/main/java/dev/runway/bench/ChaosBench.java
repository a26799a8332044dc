package dev.runway.bench;

import static dev.runway.bench.ChaosPlatform.REGIONS;
import static dev.runway.bench.ChaosPlatform.SERVICE;
import static dev.runway.bench.ChaosPlatform.json;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.ServiceProvisioned;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Faults on a running platform under the clients' traffic, each scenario RUNS times: {@code
 * <fault>} in the middle of a fan-out (see {@link FanOutTrial}), {@code rollout-<fault>} in the
 * middle of a guarded rollout (see {@link RolloutTrial}); {@code none} is the baseline without a
 * fault. Writes a section of docs/reliability.md.
 *
 * <p>usage: ChaosBench provisionerUrl reconcilerUrl kafka token runwayHome runs scenarios out.md
 * [section]
 */
public final class ChaosBench {

  private static final String ROLLOUT = "rollout-";
  private static final boolean REPLICAS =
      !"0".equals(System.getenv().getOrDefault("RUNWAY_CHAOS_REPLICAS", "0"));

  public static void main(String[] args) throws Exception {
    ChaosPlatform platform = new ChaosPlatform(args[1], args[2], args[3], Path.of(args[4]));
    int runs = Integer.parseInt(args[5]);
    List<String> scenarios = List.of(args[6].split(","));
    String section = args.length > 8 ? args[8] : "chaos";
    FanOutTrial fanOuts = new FanOutTrial(platform);
    RolloutTrial rollouts = new RolloutTrial(platform);
    setUp(platform, args[0], fanOuts);
    StringBuilder rows = new StringBuilder();
    int remade = 0;
    for (String scenario : scenarios) {
      boolean rollout = scenario.startsWith(ROLLOUT);
      String fault = rollout ? scenario.substring(ROLLOUT.length()) : scenario;
      List<ChaosOutcome> outcomes = new ArrayList<>();
      int missed = 0;
      while (outcomes.size() < runs) {
        ChaosOutcome outcome = rollout ? rollouts.run(fault) : fanOuts.run(fault);
        System.err.printf(Locale.ROOT, "%s run %d: %s%n", scenario, outcomes.size() + 1, outcome);
        if (outcome.missed() && missed++ < 3 * runs) {
          remade++; // over before the fault: not a run of this scenario
        } else {
          outcomes.add(outcome);
        }
      }
      rows.append(
          row(Faults.describe(fault) + (rollout ? " mid rollout" : " mid fan-out"), outcomes));
    }
    String report = report(runs, args[6], section, rows.toString().strip(), remade);
    System.out.println(report);
    MarkdownSection.write(Path.of(args[7]), section, report);
    System.exit(0);
  }

  /**
   * Provisions the chaos service and deploys it once (the first deployment creates its regions;
   * faults hit updates after it), then has the script start the clients' traffic and waits until
   * observability has judged the first revision healthy in every region on it, which a guarded
   * rollout compares its canary with.
   */
  private static void setUp(ChaosPlatform platform, String provisioner, FanOutTrial fanOuts)
      throws Exception {
    platform.api.postUntilAccepted(
        provisioner + "/api/v1/inventory",
        "application/json",
        """
        {"inventory":[
          {"name":"example-service","project_id":46267196,"regions":%s},
          {"name":"%s","project_id":46267196,"regions":%s}]}
        """
            .formatted(json(REGIONS), SERVICE, json(REGIONS)),
        Duration.ofMinutes(1));
    platform.events.await(
        ServiceProvisioned.class, p -> p.service().equals(SERVICE), Duration.ofMinutes(1));
    fanOuts.run("none");
    String first =
        platform
            .events
            // published just after the last region's TrafficShifted the run waited for
            .await(
                DeploymentCompleted.class, d -> d.service().equals(SERVICE), Duration.ofSeconds(30))
            .revision();
    System.out.println("READY for traffic");
    platform.events.awaitHealthy(first, REGIONS, Duration.ofMinutes(2));
  }

  private static String row(String scenario, List<ChaosOutcome> outcomes) {
    List<Double> recoveries =
        outcomes.stream()
            .filter(o -> !o.lost() && !o.stuck())
            .map(ChaosOutcome::recoveryMs)
            .toList();
    long errors = outcomes.stream().mapToLong(ChaosOutcome::clientErrors).sum();
    boolean traffic = outcomes.stream().allMatch(o -> o.clientErrors() >= 0);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |%n",
        scenario,
        outcomes.size(),
        outcomes.stream().filter(ChaosOutcome::lost).count(),
        outcomes.stream().filter(ChaosOutcome::duplicated).count(),
        outcomes.stream().filter(ChaosOutcome::stuck).count(),
        outcomes.stream().filter(ChaosOutcome::rolledBack).count(),
        outcomes.stream().mapToLong(ChaosOutcome::deadLettered).sum(),
        traffic ? String.valueOf(errors) : "–",
        recoveries.isEmpty() ? "–" : seconds(Percentiles.median(recoveries)),
        recoveries.isEmpty() ? "–" : seconds(Percentiles.of(recoveries, 100)));
  }

  private static String report(
      int runs, String scenarios, String section, String rows, int remade) {
    return String.format(
        Locale.ROOT,
        """
        Measured %s by `%sbench/chaos.sh %d %s %s` on this machine (2 cores), with clients
        sending 20 requests/s near each region through the gateway%s. A fan-out run applies a new
        revision of a three-region service and injects the fault at a random point of the next
        second; a rollout run applies a healthy revision rolled out in two guarded steps (50%%,
        100%%; bake 3 s) and injects the fault at a random point of the %d s after RolloutStarted.
        A run that was over before its fault tested nothing and is made again (%d were).
        Lost: the deployment never completed, or a succeeded rollout left a region short of
        100%%; duplicated: a second revision, DeploymentCompleted or RolloutFinished (by ce_id);
        stuck: not every region served the revision (fan-out) or the rollout had not finished
        within %d min; rolled back: a rollback of the healthy revision; dead-lettered: records
        added to runway.dead-letter; client errors: requests answered with an error status or
        not at all during the run. Recovery: from the fault to the last region serving the
        revision (fan-out) or to RolloutFinished (rollout); median and worst of the runs.

        | scenario | runs | lost | duplicated | stuck | rolled back | dead-lettered | client errors | recovery (median) | recovery (worst) |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        %s
        """,
        LocalDate.now(),
        REPLICAS ? "RUNWAY_CHAOS_REPLICAS=1 " : "",
        runs,
        scenarios,
        section,
        REPLICAS
            ? " and a second replica of every control-plane service beside the one each fault hits"
            : "",
        RolloutTrial.SPREAD_MS / 1000,
        remade,
        ChaosPlatform.DEADLINE.toMinutes(),
        rows);
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }
}
