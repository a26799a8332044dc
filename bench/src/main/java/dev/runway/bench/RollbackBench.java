package dev.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RolloutStarted;
import dev.runway.common.events.RolloutStatus;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.manifest.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rollback story, repeated on one running platform under steady traffic through the gateway: a
 * revision answering 15% of requests with 500 in us-east1 only is deployed, and the bench reads
 * from the traffic's own tally when that revision first and last answered in us-east1 (fault to the
 * last request it served). Then healthy revisions (0.05% errors everywhere, within a 99.9% SLO) are
 * rolled out and every rollback of one is counted as false.
 *
 * <p>usage: RollbackBench provisionerUrl reconcilerUrl kafka token runs healthyRollouts
 * traffic.json label out.md section
 */
public final class RollbackBench {

  private static final String SERVICE = "example-service";
  private static final String FAULTY = "us-east1";

  private final String provisioner;
  private final String reconciler;
  private final ApiCalls api;
  private final RecordedEvents events;
  private final TrafficTallyFile traffic;

  private RollbackBench(
      String provisioner, String reconciler, String kafka, String token, Path traffic) {
    this.provisioner = provisioner;
    this.reconciler = reconciler;
    this.api = new ApiCalls(token);
    this.traffic = new TrafficTallyFile(traffic);
    this.events = new RecordedEvents(kafka);
  }

  /** One rollback run's figures, in milliseconds. */
  record Run(
      String revision,
      long faultToLastBad,
      long faultToBreach,
      long breachToRolledBack,
      long requests,
      long failed) {}

  public static void main(String[] args) throws Exception {
    RollbackBench bench = new RollbackBench(args[0], args[1], args[2], args[3], Path.of(args[6]));
    int runs = Integer.parseInt(args[4]);
    int healthy = Integer.parseInt(args[5]);
    String label = args[7];
    bench.setUp();
    List<Run> results = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run = bench.rollback(i);
      System.out.printf(
          Locale.ROOT,
          "run %d: %s fault -> last bad request %.1f s (detected %.1f s, rolled back %.2f s later)%n",
          i,
          run.revision(),
          run.faultToLastBad() / 1e3,
          run.faultToBreach() / 1e3,
          run.breachToRolledBack() / 1e3);
      results.add(run);
    }
    int[] canaries = bench.healthy(healthy);
    String report = report(label, results, canaries);
    System.out.println(report);
    MarkdownSection.write(Path.of(args[8]), args[9], report);
    System.exit(0);
  }

  private void setUp() throws Exception {
    post(
        provisioner + "/api/v1/inventory",
        "application/json",
        Files.readString(Path.of("examples/inventory.json")));
    events.await(ServiceProvisioned.class, p -> p.service().equals(SERVICE), Duration.ofMinutes(1));
    deploy(Files.readString(Path.of("examples/hello-service/.runway/runway-staging.yml")));
    // The traffic (started by the script once this line is printed) ramps for 10 s; the stable
    // revision then needs its windows filled before a canary is compared with it.
    System.out.println("READY for traffic");
    // A canary is compared with a stable revision judged healthy: wait for observability to say
    // so in every region, rather than for a guessed time.
    events.awaitHealthy(
        SERVICE + "-staging-00001",
        List.of("europe-west1", FAULTY, "us-west1"),
        Duration.ofMinutes(2));
  }

  private Run rollback(int i) throws Exception {
    String manifest =
        Files.readString(Path.of("examples/hello-service/.runway/runway-staging-v2.yml"))
            .replace("example-service:v2", "example-service:bad-" + i);
    String revision = deploy(manifest);
    RolledBack rolledBack =
        events.await(RolledBack.class, r -> r.revision().equals(revision), Duration.ofMinutes(3));
    // The tally is rewritten once a second: read one written after the answers in flight landed.
    JsonNode tally = traffic.writtenAfter(rolledBack.rolledBackAt().toEpochMilli() + 1_000);
    JsonNode served = tally.path("served").path(FAULTY + " " + revision);
    long first = served.path("first_at_ms").asLong();
    long last = served.path("last_at_ms").asLong();
    SloBreached breach = rolledBack.breach();
    long detected = breach == null ? 0 : breach.detectedAt().toEpochMilli();
    // Let the other regions' rollout of this revision go on a step (or end) before the next
    // deployment supersedes it.
    long rolledBackAt = rolledBack.rolledBackAt().toEpochMilli();
    events.await(
        t ->
            t.timestamp() > rolledBackAt
                && (t.envelope().data() instanceof TrafficShiftRequested s
                        && s.revision().equals(revision)
                        && !s.region().equals(FAULTY)
                    || t.envelope().data() instanceof RolloutFinished f
                        && f.revision().equals(revision)),
        Duration.ofMinutes(1));
    return new Run(
        revision,
        last - first,
        detected - first,
        rolledBack.rolledBackAt().toEpochMilli() - detected,
        served.path("requests").asLong(),
        served.path("failed").asLong());
  }

  /** Healthy rollouts; returns {canaries judged, rollbacks of them, rollouts succeeded}. */
  private int[] healthy(int rollouts) throws Exception {
    int canaries = 0;
    int rollbacks = 0;
    int succeeded = 0;
    String base =
        Files.readString(Path.of("examples/hello-service/.runway/runway-staging-v2.yml"))
            .replace("HELLO_ERROR_RATE: \"0.15\"", "HELLO_ERROR_RATE: \"0.0005\"")
            .replace("    HELLO_FAULT_REGION: us-east1\n", "")
            .replace("steps: [25, 50, 100]", "steps: [50, 100]")
            .replace("bake_time: 6s", "bake_time: 3s")
            .replace("watch: 10s", "watch: 3s");
    for (int j = 1; j <= rollouts; j++) {
      String revision = deploy(base.replace("example-service:v2", "example-service:ok-" + j));
      RolloutFinished finished =
          events.await(
              RolloutFinished.class, f -> f.revision().equals(revision), Duration.ofMinutes(3));
      int falseRollbacks =
          (int)
              events.all(RollbackRequested.class, r -> r.revision().equals(revision)).stream()
                  .map(RollbackRequested::region)
                  .distinct()
                  .count();
      canaries += 3;
      rollbacks += falseRollbacks;
      succeeded += finished.status() == RolloutStatus.SUCCEEDED ? 1 : 0;
      System.out.printf(
          "healthy %d: %s %s, %d false rollback(s)%n",
          j, revision, finished.status(), falseRollbacks);
    }
    return new int[] {canaries, rollbacks, succeeded};
  }

  /** Applies a staging manifest; returns the revision the guard starts rolling out. */
  private String deploy(String manifest) throws Exception {
    long since = System.currentTimeMillis();
    String url = reconciler + "/api/v1/services/" + SERVICE + "/manifests/staging";
    api.postUntilAccepted(url, "text/yaml", manifest, Duration.ofSeconds(30));
    DeploymentCompleted done =
        (DeploymentCompleted)
            events
                .await(
                    t ->
                        t.timestamp() >= since
                            && t.envelope().data() instanceof DeploymentCompleted d
                            && d.service().equals(SERVICE)
                            && d.environment() == Environment.STAGING,
                    Duration.ofMinutes(3))
                .envelope()
                .data();
    events.await(
        RolloutStarted.class, s -> s.revision().equals(done.revision()), Duration.ofMinutes(1));
    return done.revision();
  }

  static String report(String label, List<Run> runs, int[] canaries) {
    List<Double> spans = runs.stream().map(r -> r.faultToLastBad() / 1e3).toList();
    List<Double> detection = runs.stream().map(r -> r.faultToBreach() / 1e3).toList();
    List<Double> reaction = runs.stream().map(r -> r.breachToRolledBack() / 1e3).toList();
    double worst = spans.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    long failed = runs.stream().mapToLong(Run::failed).sum();
    long requests = runs.stream().mapToLong(Run::requests).sum();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      rows.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f s | %.1f s | %.2f s | %d of %d |%n",
              i + 1,
              r.faultToLastBad() / 1e3,
              r.faultToBreach() / 1e3,
              r.breachToRolledBack() / 1e3,
              r.failed(),
              r.requests()));
    }
    String healthy =
        canaries[0] == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "%nFalse rollbacks: **%d of %d healthy canaries** (%d rollouts × 3 regions of revisions"
                    + " answering 0.05%% of requests with 500, within the 99.9%% objective, steps"
                    + " 50%% → 100%%, bake 3 s, watch 3 s); %d of %d rollouts succeeded. Goal: 0.%n",
                canaries[1],
                canaries[0],
                canaries[0] / 3,
                canaries[2],
                canaries[0] / 3);
    return String.format(
        Locale.ROOT,
        """
        ## Rollback: fault to the last request on the bad revision (%s)

        Measured %s by `bench/rollback.sh` on this machine (2 cores): the whole platform as
        processes, 20 requests/s from a client near each of three regions through the gateway;
        %d times a revision answering 15%% of requests with 500 in us-east1 only is deployed to
        staging (gradual, first step 25%%) and the guard left to act. *Fault → last bad request*
        is from the traffic's own tally: the first and the last answer that revision gave in
        us-east1. *Detected* is observability's SloBreached (detected_at) after the first answer;
        *rolled back* is the reconciler's RolledBack after that. A new revision's SLO windows
        hold only its own requests, so detection is mostly the time its share of the traffic
        (25%% of a region's 20 requests/s) takes to fill the fastest rule's windows with
        `runway.slo.min-requests` requests (20 in the demo's scale, 100 by default) and pass the
        significance test; shorter windows (time scale) change it little.

        | run | fault → last bad request | detected | rolled back after | 5xx / requests on it |
        |---:|---:|---:|---:|---:|
        %s
        Median **%.1f s**, worst **%.1f s** (goal ≤ 30 s); detection median %.1f s, reaction
        (breach → traffic moved) median %.2f s; %d of %d requests the bad revision answered failed.
        Peer: Flagger's documented example takes 10 minutes to roll back (its analysis interval
        times its failure threshold); Argo Rollouts' canary analysis likewise counts in minutes.
        %s""",
        label,
        LocalDate.now(),
        runs.size(),
        rows,
        Percentiles.median(spans),
        worst,
        Percentiles.median(detection),
        Percentiles.median(reaction),
        failed,
        requests,
        healthy);
  }

  private int post(String url, String contentType, String body) throws Exception {
    return api.post(url, contentType, body);
  }
}
