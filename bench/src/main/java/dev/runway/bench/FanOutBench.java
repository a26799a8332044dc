package dev.runway.bench;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.ServiceProvisioned;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fan-out on a runtime: the time from ManifestChanged to DeploymentCompleted (broker timestamps)
 * for a service in 1, 3, 6 and 10 regions, median of several runs, as t(N)/t(1), next to a serial
 * deployer's N × t(1).
 *
 * <p>usage: FanOutBench provisionerUrl reconcilerUrl kafka token runs out.md [local|cloudrun]
 */
public final class FanOutBench {

  private static final List<String> REGIONS =
      List.of(
          "europe-west1",
          "us-east1",
          "us-west1",
          "asia-east1",
          "europe-west4",
          "us-central1",
          "asia-northeast1",
          "australia-southeast1",
          "southamerica-east1",
          "europe-north1");

  private static final String LOCAL_REPORT =
      """
      ## Regional fan-out on the local runtime

      Measured %s by `bench/fanout.sh` on this machine (2 cores), median of %d runs per
      region count: the time from a service's ManifestChanged to its DeploymentCompleted
      (broker timestamps), each region starting a fresh example-service JVM and waiting for
      its readiness probe. The peer is a serial deployer, one region after another: N
      times the one-region deployment, measured in the same run.

      | regions | t(N) | t(N)/t(1) | serial: N × t(1) | serial / t(N) |
      |---:|---:|---:|---:|---:|
      %s

      Goal: t(10)/t(1) ≤ 1.2 — not met on this machine. Each region's revision is a new JVM
      whose start costs CPU (about 0.3 s of the 2 cores); ten starting at once queue for
      the cores, so the fan-out is bound by the machine, not by the reconciler, which
      dispatches every region at once (the RegionDeployRequested events of one deployment
      leave within milliseconds of each other; the Cloud Run figures below, where a region's
      work waits on a remote operation instead of local CPU, show the reconciler's own
      parallelism). The one-region figure also carries the event hops (ManifestChanged →
      RegionDeployRequested → RegionDeployed → DeploymentCompleted), whose time varies run
      to run.
      """;

  private static final String CLOUD_RUN_REPORT =
      """
      ## Regional fan-out on the Cloud Run runtime

      Measured %s by `bench/fanout.sh` in the same run, median of %d runs per region count:
      the same deployments on `runway.reconciler.runtime=cloudrun`, through the real
      `google-cloud-run` client against the Cloud Run fake (gRPC on loopback) whose every
      long-running operation takes OPERATION_MS ms, as Cloud Run's take seconds. Each region is
      a create and a traffic update, both awaited. Here a region's work is waiting, not local
      CPU, so the ratio shows how well the reconciler overlaps regions.

      | regions | t(N) | t(N)/t(1) | serial: N × t(1) | serial / t(N) |
      |---:|---:|---:|---:|---:|
      %s

      Goal: t(10)/t(1) ≤ 1.2.
      """;

  private final String provisioner;
  private final String reconciler;
  private final ApiCalls api;
  private final RecordedEvents events;
  private final List<String> inventory = new ArrayList<>();

  private FanOutBench(String provisioner, String reconciler, String kafka, String token) {
    this.provisioner = provisioner;
    this.reconciler = reconciler;
    this.api = new ApiCalls(token);
    this.events = new RecordedEvents(kafka);
  }

  public static void main(String[] args) throws Exception {
    FanOutBench bench = new FanOutBench(args[0], args[1], args[2], args[3]);
    int runs = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    boolean cloudRun = args.length > 6 && args[6].equals("cloudrun");
    StringBuilder rows = new StringBuilder();
    double t1 = 0;
    for (int n : List.of(1, 3, 6, 10)) {
      List<Double> wall = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        double[] measured = bench.deploy("fanout-n" + n + "-r" + run, REGIONS.subList(0, n));
        wall.add(measured[0]);
        System.err.printf(
            Locale.ROOT,
            "%d regions, run %d: %.0f ms (regions' own time summed: %.0f ms)%n",
            n,
            run,
            measured[0],
            measured[1]);
      }
      double median = Percentiles.median(wall);
      if (n == 1) {
        t1 = median;
      }
      double serialEstimate = n * t1;
      rows.append(
          String.format(
              Locale.ROOT,
              "| %d | %.0f ms | %.2f | %.0f ms | %.2f |%n",
              n,
              median,
              median / t1,
              serialEstimate,
              serialEstimate / median));
    }
    String report =
        String.format(
                Locale.ROOT,
                cloudRun ? CLOUD_RUN_REPORT : LOCAL_REPORT,
                LocalDate.now(),
                runs,
                rows.toString().strip())
            .replace("OPERATION_MS", System.getenv().getOrDefault("FAKE_OPERATION_MS", "?"));
    System.out.println(report);
    MarkdownSection.write(out, cloudRun ? "fanout-cloudrun" : "fanout", report);
  }

  /** Returns {wall-clock ms, sum of the regions' own ms}. */
  private double[] deploy(String service, List<String> regions) throws Exception {
    inventory.add(service);
    post(provisioner + "/api/v1/inventory", "application/json", inventoryJson(regions));
    events.await(
        t -> t.envelope().data() instanceof ServiceProvisioned p && p.service().equals(service),
        Duration.ofMinutes(1));
    String manifest = BenchManifests.expedited(service, regions, "", "{}");
    // The reconciler learns of the provisioning from the bus too; until then it answers 409.
    String url = reconciler + "/api/v1/services/" + service + "/manifests/staging";
    api.postUntilAccepted(url, "text/yaml", manifest, Duration.ofSeconds(30));
    RecordedEvents.Timed changed =
        events.await(
            t -> t.envelope().data() instanceof ManifestChanged m && m.service().equals(service),
            Duration.ofMinutes(1));
    RecordedEvents.Timed done =
        events.await(
            t ->
                t.envelope().data() instanceof DeploymentCompleted d && d.service().equals(service),
            Duration.ofMinutes(3));
    DeploymentCompleted completed = (DeploymentCompleted) done.envelope().data();
    if (!completed.failed().isEmpty()) {
      throw new IllegalStateException(service + " failed in " + completed.failed());
    }
    double serial =
        events
            .all(
                t -> t.envelope().data() instanceof RegionDeployed d && d.service().equals(service))
            .stream()
            .mapToLong(t -> ((RegionDeployed) t.envelope().data()).durationMs())
            .sum();
    return new double[] {done.timestamp() - changed.timestamp(), serial};
  }

  /** Every service so far keeps its regions; the newest gets the ones given. */
  private String inventoryJson(List<String> newest) {
    StringBuilder json = new StringBuilder("{\"inventory\":[");
    for (int i = 0; i < inventory.size(); i++) {
      String name = inventory.get(i);
      int n = Integer.parseInt(name.substring("fanout-n".length(), name.indexOf("-r")));
      List<String> regions = i == inventory.size() - 1 ? newest : REGIONS.subList(0, n);
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(name)
          .append("\",\"project_id\":1,\"regions\":[\"")
          .append(String.join("\",\"", regions))
          .append("\"]}");
    }
    return json.append("]}").toString();
  }

  private int post(String url, String contentType, String body) throws Exception {
    return api.post(url, contentType, body);
  }
}
