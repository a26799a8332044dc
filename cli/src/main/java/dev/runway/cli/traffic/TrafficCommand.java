package dev.runway.cli.traffic;

import dev.runway.common.json.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Steady traffic through the gateway from clients in several regions, as an edge would send it:
 * each request names its client region, and the answers are tallied by the region and revision that
 * served them ({@code X-Runway-Region}, {@code X-Runway-Revision}). The tally is written as JSON
 * every second and at the end, so a script can read when a revision last served.
 */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description =
        "Send steady requests through the gateway from clients in given regions and tally who"
            + " answered.")
public class TrafficCommand implements Callable<Integer> {

  static {
    // The gateway routes by Host, as a load balancer's front end would; the JDK client refuses
    // to set it unless allowed before its first use.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
  }

  @Option(names = "--gateway", defaultValue = "http://127.0.0.1:8080", description = "gateway URL")
  String gateway;

  @Option(names = "--host", required = true, description = "Host header, e.g. svc.runway.localhost")
  String host;

  @Option(names = "--path", defaultValue = "/v1/completions")
  String path;

  @Option(
      names = "--client-regions",
      split = ",",
      required = true,
      description = "regions the clients are in")
  List<String> clientRegions;

  @Option(names = "--rate", defaultValue = "40", description = "requests per second per region")
  int rate;

  @Option(
      names = "--ramp",
      defaultValue = "PT10S",
      description = "how long to rise linearly to the full rate, ISO-8601 (cold backends first)")
  Duration ramp;

  @Option(names = "--duration", defaultValue = "PT10M", description = "how long, ISO-8601")
  Duration duration;

  @Option(names = "--out", required = true, description = "where to write the tally (JSON)")
  Path out;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || rate > 1000) {
      System.err.println("runwayctl: --rate must be between 1 and 1000 requests per second");
      return 2;
    }
    TrafficTally tally = new TrafficTally();
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    long periodMicros = 1_000_000L / rate;
    long start = System.nanoTime();
    for (String client : clientRegions) {
      double[] tokens = {0};
      clock.scheduleAtFixedRate(
          () -> {
            // A tick per request at the full rate; during the ramp only a rising share of the
            // ticks send, so cold backends and the gateway warm up before the full load.
            double elapsed = (System.nanoTime() - start) / 1e9;
            double share = ramp.isZero() ? 1 : Math.min(1, elapsed / (ramp.toMillis() / 1e3));
            tokens[0] += share;
            if (tokens[0] >= 1) {
              tokens[0] -= 1;
              send(client, tally);
            }
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
    }
    clock.scheduleAtFixedRate(() -> write(tally), 1, 1, TimeUnit.SECONDS);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  clock.shutdownNow();
                  write(tally);
                }));
    clock.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
    clock.shutdownNow();
    write(tally);
    return 0;
  }

  private void send(String client, TrafficTally tally) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(Duration.ofSeconds(5))
            .header("Host", host)
            .header("X-Runway-Client-Region", client)
            .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"def \"}"))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                tally.unanswered(cause.getClass().getSimpleName());
                return;
              }
              tally.answered(
                  response.headers().firstValue("X-Runway-Region").orElse("-"),
                  response.headers().firstValue("X-Runway-Revision").orElse("-"),
                  response.statusCode() >= 500,
                  System.currentTimeMillis());
            });
  }

  private synchronized void write(TrafficTally tally) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("requests", tally.requests());
    report.put("failed", tally.failed());
    report.put("served", tally.served());
    report.put("unanswered", tally.unanswered());
    try {
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      Files.writeString(tmp, WireJson.mapper().writeValueAsString(report));
      Files.move(
          tmp,
          out,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      System.err.println("runwayctl: cannot write " + out + ": " + e.getMessage());
    }
  }
}
