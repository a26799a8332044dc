package dev.runway.bench;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.ServiceProvisioned;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fan-out on the local runtime: the time from ManifestChanged to DeploymentCompleted (broker
 * timestamps) for a service in 1, 3, 6 and 10 regions, median of several runs, as t(N)/t(1), next
 * to the serial time (the sum of the regions' own durations) that a one-region-at-a-time deployer
 * would take.
 *
 * <p>usage: FanOutBench provisionerUrl reconcilerUrl kafka token runs out.md
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

  private final String provisioner;
  private final String reconciler;
  private final String token;
  private final RecordedEvents events;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> inventory = new ArrayList<>();

  private FanOutBench(String provisioner, String reconciler, String kafka, String token) {
    this.provisioner = provisioner;
    this.reconciler = reconciler;
    this.token = token;
    this.events = new RecordedEvents(kafka);
  }

  public static void main(String[] args) throws Exception {
    FanOutBench bench = new FanOutBench(args[0], args[1], args[2], args[3]);
    int runs = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    StringBuilder rows = new StringBuilder();
    double t1 = 0;
    for (int n : List.of(1, 3, 6, 10)) {
      List<Double> wall = new ArrayList<>();
      List<Double> serial = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        double[] measured = bench.deploy("fanout-n" + n + "-r" + run, REGIONS.subList(0, n));
        wall.add(measured[0]);
        serial.add(measured[1]);
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
      rows.append(
          String.format(
              Locale.ROOT,
              "| %d | %.0f ms | %.2f | %.0f ms | %.1f× |%n",
              n,
              median,
              median / t1,
              Percentiles.median(serial),
              Percentiles.median(serial) / median));
    }
    String report =
        String.format(
            Locale.ROOT,
            """
            ## Regional fan-out on the local runtime

            Measured %s by `bench/fanout.sh` on this machine (2 cores), median of %d runs per
            region count: the time from a service's ManifestChanged to its DeploymentCompleted
            (broker timestamps), each region starting a fresh example-service JVM and waiting for
            its readiness probe. The peer is the serial time: the sum of the regions' own
            durations, what deploying one region after another would take.

            | regions | t(N) | t(N)/t(1) | serial time | speed-up over serial |
            |---:|---:|---:|---:|---:|
            %s
            Goal: t(10)/t(1) ≤ 1.2. Every region's revision is a new JVM; with two cores, ten
            JVMs starting at once compete for CPU, which is what the ratio above 1 measures.
            """,
            LocalDate.now(),
            runs,
            rows.toString().strip());
    System.out.println(report);
    MarkdownSection.write(out, "fanout", report);
  }

  /** Returns {wall-clock ms, sum of the regions' own ms}. */
  private double[] deploy(String service, List<String> regions) throws Exception {
    inventory.add(service);
    post(provisioner + "/api/v1/inventory", "application/json", inventoryJson(regions));
    events.await(
        t -> t.envelope().data() instanceof ServiceProvisioned p && p.service().equals(service),
        Duration.ofMinutes(1));
    String manifest =
        """
        apiVersion: runway/v1
        kind: RunwayService
        metadata: { name: %s }
        spec:
          image: registry.example.com/%s:v1
          container_port: 8181
          regions: %s
          rollout: { strategy: expedited }
        """
            .formatted(service, service, regions);
    post(reconciler + "/api/v1/services/" + service + "/manifests/staging", "text/yaml", manifest);
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

  private void post(String url, String contentType, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
