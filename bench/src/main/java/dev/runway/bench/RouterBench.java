package dev.runway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway router against nginx as the same reverse proxy, and against the backend direct: wrk
 * at each target's maximum rate (max RPS), and all three at one rate, half the slowest one's
 * maximum (latency), medians of several runs.
 *
 * <p>usage: RouterBench kafka routerPort nginxPort backendPort runwayHome runs seconds out.md
 */
public final class RouterBench {

  private static final String SERVICE = "bench-service";
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

  private record Target(String name, String url, String host) {}

  private record Run(double rps, double p50Ms, double p99Ms) {}

  public static void main(String[] args) throws Exception {
    String kafka = args[0];
    int routerPort = Integer.parseInt(args[1]);
    int nginxPort = Integer.parseInt(args[2]);
    int backendPort = Integer.parseInt(args[3]);
    long routerPid = Faults.recorded(Path.of(args[4]), "gateway-router").pid();
    int runs = Integer.parseInt(args[5]);
    int seconds = Integer.parseInt(args[6]);
    Path out = Path.of(args[7]);

    BenchRoutes.route(kafka, routerPort, SERVICE, backendPort);
    Path script = Files.createTempFile("wrk-delay", ".lua");
    Files.writeString(
        script, "local d = tonumber(os.getenv('WRK_DELAY_MS'))\nfunction delay() return d end\n");

    List<Target> targets =
        List.of(
            new Target("direct", "http://127.0.0.1:" + backendPort + "/", null),
            new Target("nginx", "http://127.0.0.1:" + nginxPort + "/", null),
            new Target(
                "router", "http://127.0.0.1:" + routerPort + "/", SERVICE + ".runway.localhost"));
    for (Target t : targets) {
      warmUp(t);
    }
    // Rounds interleave the targets, so that none idles for minutes between warm-up and its runs
    // and slow drift of the machine touches all alike.
    Map<String, List<double[]>> runsByTarget = new java.util.LinkedHashMap<>();
    for (int run = 1; run <= runs; run++) {
      Map<String, Double> max = new java.util.LinkedHashMap<>();
      for (Target t : targets) {
        wrk(t, 64, 3, null, null); // back from idling through the other targets' runs
        max.put(t.name(), wrk(t, 64, seconds, null, null).rps());
      }
      // Latency at one rate for all, half the slowest target's maximum this round: each at half
      // its own maximum would measure a slower proxy at a lighter load, which favours it. 10 ms
      // between requests per connection, as many connections as that rate needs.
      double rate = max.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow() / 2;
      int connections = (int) Math.max(1, Math.round(rate / 100));
      for (Target t : targets) {
        wrk(t, 64, 3, null, null);
        Run even = wrk(t, connections, seconds, script, 10);
        runsByTarget
            .computeIfAbsent(t.name(), k -> new ArrayList<>())
            .add(new double[] {max.get(t.name()), even.rps(), even.p50Ms(), even.p99Ms()});
        System.err.printf(
            Locale.ROOT,
            "%s run %d: max %.0f rps; at %.0f rps p50 %.3f ms p99 %.3f ms%n",
            t.name(),
            run,
            max.get(t.name()),
            even.rps(),
            even.p50Ms(),
            even.p99Ms());
      }
    }
    Map<String, double[]> results = new java.util.LinkedHashMap<>();
    runsByTarget.forEach(
        (name, measured) -> {
          double[] medians = new double[4];
          for (int i = 0; i < 4; i++) {
            int column = i;
            medians[i] = Percentiles.median(measured.stream().map(m -> m[column]).toList());
          }
          results.put(name, medians);
        });
    // The same round's runs are the fairest pair: the machine drifts between rounds.
    List<Double> roundRatios = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      roundRatios.add(runsByTarget.get("router").get(i)[0] / runsByTarget.get("nginx").get(i)[0]);
    }
    roundRatios.sort(null);
    double[] direct = results.get("direct");
    double[] nginx = results.get("nginx");
    double[] router = results.get("router");
    String rss = rss(routerPid);
    String report =
        String.format(
            Locale.ROOT,
            """
            ## Gateway router against nginx

            Measured %s by `bench/router.sh` on this machine (2 cores shared by wrk, the backend,
            the proxy under test and an idle Runway), median of %d runs of %d s each. The backend
            is nginx answering `200 ok`; nginx as the peer proxies to it with keep-alive (the
            configuration is in the script); the router proxies to it from a route published on
            the bus. Maximum rate: `wrk -t2 -c64`. Latency: all three targets at one rate per round,
            half the slowest target's maximum in that round, wrk with 10 ms between requests per
            connection.

            | target | max RPS | RPS at the common rate | p50 there | p99 there |
            |---|---:|---:|---:|---:|
            | direct | %.0f | %.0f | %.3f ms | %.3f ms |
            | nginx | %.0f | %.0f | %.3f ms | %.3f ms |
            | router | %.0f | %.0f | %.3f ms | %.3f ms |

            | figure | value | goal |
            |---|---:|---|
            | router / nginx max RPS | %.2f (rounds: %.2f–%.2f) | ≥ 1.0 |
            | router / direct max RPS | %.2f | (Envoy 0.36–0.55, HAProxy about 0.55, published) |
            | nginx / direct max RPS | %.2f | |
            | added p50: router / nginx | %.3f ms / %.3f ms | |
            | added p99: router / nginx | %.3f ms / %.3f ms | router ≤ nginx |
            | router RSS after the runs | %s | |

            Every target's latency is taken at the same request rate, so neither proxy is
            favoured by a lighter load; "added" is a proxy's figure minus the backend's own at
            that rate. Each target is first driven at full rate until two 5 s runs in a row agree within
            5%%; the rounds then interleave the targets, each run preceded by 3 s at full rate so
            that no target is measured straight out of idling through the others' runs.
            """,
            LocalDate.now(),
            runs,
            seconds,
            direct[0],
            direct[1],
            direct[2],
            direct[3],
            nginx[0],
            nginx[1],
            nginx[2],
            nginx[3],
            router[0],
            router[1],
            router[2],
            router[3],
            router[0] / nginx[0],
            roundRatios.get(0),
            roundRatios.get(roundRatios.size() - 1),
            router[0] / direct[0],
            nginx[0] / direct[0],
            router[2] - direct[2],
            nginx[2] - direct[2],
            router[3] - direct[3],
            nginx[3] - direct[3],
            rss);
    System.out.println(report);
    MarkdownSection.write(out, "router", report);
  }

  /**
   * Drives the target at full rate in 5 s runs until two in a row agree within 5% (at most a
   * minute): the router's JIT keeps compiling for longer than a fixed 15 s warm-up lasted, which
   * left its first measured run at a third of its later ones.
   */
  private static void warmUp(Target t) throws IOException, InterruptedException {
    double previous = 0;
    for (int run = 1; run <= 12; run++) {
      double rps = wrk(t, 64, 5, null, null).rps();
      if (previous > 0 && Math.abs(rps - previous) <= 0.05 * previous) {
        System.err.printf(Locale.ROOT, "%s warm after %d s: %.0f rps%n", t.name(), 5 * run, rps);
        return;
      }
      previous = rps;
    }
    System.err.printf(Locale.ROOT, "%s still varying after 60 s of warm-up%n", t.name());
  }

  private static Run wrk(Target t, int connections, int seconds, Path script, Integer delayMs)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
    if (t.host() != null) {
      command.addAll(List.of("-H", "Host: " + t.host()));
    }
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(t.url());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (delayMs != null) {
      builder.environment().put("WRK_DELAY_MS", String.valueOf(delayMs));
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || output.contains("Non-2xx")) {
      throw new IllegalStateException("wrk against " + t.name() + " failed:\n" + output);
    }
    Matcher rps = RPS.matcher(output);
    if (!rps.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher p = PERCENTILE.matcher(output);
    while (p.find()) {
      double value = Double.parseDouble(p.group(2));
      double ms =
          switch (p.group(3)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
          };
      if (p.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    return new Run(Double.parseDouble(rps.group(1)), p50, p99);
  }

  private static String rss(long pid) throws IOException {
    Path status = Path.of("/proc/" + pid + "/status");
    if (!Files.exists(status)) {
      return "unknown (process " + pid + " gone)";
    }
    String rss = "?";
    String peak = "?";
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        rss = line.substring(6).strip();
      } else if (line.startsWith("VmHWM:")) {
        peak = line.substring(6).strip();
      }
    }
    return rss + " (peak " + peak + ")";
  }
}
