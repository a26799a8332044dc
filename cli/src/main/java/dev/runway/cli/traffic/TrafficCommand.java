package dev.runway.cli.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || rate > 1000) {
      System.err.println("runwayctl: --rate must be between 1 and 1000 requests per second");
      return 2;
    }
    TrafficRun run =
        new TrafficRun(
            new GatewayClient(gateway, host, path), clientRegions, rate, ramp, Optional.of(out));
    Runtime.getRuntime().addShutdownHook(new Thread(run::close));
    run.start().await(duration);
    run.close();
    return 0;
  }
}
