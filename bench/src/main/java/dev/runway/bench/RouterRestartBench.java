package dev.runway.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway router killed (SIGKILL) under 100 requests/s and started again by the supervisor: how
 * many client requests fail, how long until it serves again, and whether what it serves then is the
 * route the bus holds (its table rebuilt by replaying the topics). One router is one point of
 * failure: its outage is what a client sees, which is what this measures; a second replica behind a
 * load balancer is what hides it.
 *
 * <p>usage: RouterRestartBench kafka routerPort runwayHome runs out.md
 */
public final class RouterRestartBench {

  private static final String SERVICE = "restart-service";
  private static final String REVISION = SERVICE + "-production-00001";
  private static final long TICK_NANOS = 10_000_000L; // 100 requests/s
  private static final Duration STEADY = Duration.ofSeconds(5);
  private static final Duration SERVED_AFTER = Duration.ofSeconds(5);
  private static final Duration GIVE_UP = Duration.ofSeconds(90);

  /** One request: when it was sent, and its status (0: no answer at all). */
  private record Sent(long at, int status, String revision) {}

  private record Outcome(
      int requests, int errors, Map<String, Integer> kinds, double recoveryMs, int wrongRoute) {}

  public static void main(String[] args) throws Exception {
    // the router is reached by Host, as a client reaches a service
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    String kafka = args[0];
    int routerPort = Integer.parseInt(args[1]);
    Path home = Path.of(args[2]);
    int runs = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);

    HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.ExecutorService handlers = Executors.newFixedThreadPool(4);
    backend.setExecutor(handlers);
    backend.createContext(
        "/",
        exchange -> {
          byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    backend.start();
    try {
      BenchRoutes.route(kafka, routerPort, SERVICE, backend.getAddress().getPort());
      List<Outcome> outcomes = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        awaitReady(routerPort);
        Outcome outcome = run(routerPort, new Faults(home));
        System.err.printf(Locale.ROOT, "router restart run %d: %s%n", run, outcome);
        outcomes.add(outcome);
      }
      String report = report(outcomes);
      System.out.println(report);
      MarkdownSection.write(out, "router-restart", report);
    } finally {
      backend.stop(0);
      handlers.shutdownNow(); // its threads are not daemons: the JVM would not exit
    }
  }

  private static Outcome run(int routerPort, Faults faults) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/"))
            .header("Host", SERVICE + ".runway.localhost")
            .timeout(Duration.ofSeconds(2))
            .build();
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(
        () -> {
          long at = System.nanoTime();
          inFlight.add(
              client
                  .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                  .whenComplete(
                      (response, failure) ->
                          sent.add(
                              response == null
                                  ? new Sent(at, 0, null)
                                  : new Sent(
                                      at,
                                      response.statusCode(),
                                      response
                                          .headers()
                                          .firstValue("X-Runway-Revision")
                                          .orElse(null)))));
        },
        0,
        TICK_NANOS,
        TimeUnit.NANOSECONDS);
    Thread.sleep(STEADY.toMillis());
    long killedAt = System.nanoTime();
    faults.inject("kill-gateway-router");
    long servedAgain = 0;
    while (System.nanoTime() - killedAt < GIVE_UP.toNanos()) {
      Thread.sleep(100);
      servedAgain = firstServedAfter(sent, killedAt + 500_000_000L);
      if (servedAgain > 0 && System.nanoTime() - servedAgain > SERVED_AFTER.toNanos()) {
        break;
      }
    }
    ticker.shutdownNow();
    if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the request ticker did not stop");
    }
    // the last requests' answers, or their 2 s time-outs
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .exceptionally(failed -> null)
        .get(10, TimeUnit.SECONDS);
    List<Sent> all = new ArrayList<>(sent);
    Map<String, Integer> kinds = new TreeMap<>();
    int errors = 0;
    int wrongRoute = 0;
    for (Sent s : all) {
      if (s.status() != 200) {
        errors++;
        kinds.merge(s.status() == 0 ? "no answer" : String.valueOf(s.status()), 1, Integer::sum);
      } else if (!REVISION.equals(s.revision())) {
        wrongRoute++;
      }
    }
    // recovery: from the kill to the first request sent after it that was served
    double recoveryMs = servedAgain == 0 ? Double.NaN : (servedAgain - killedAt) / 1e6;
    return new Outcome(all.size(), errors, kinds, recoveryMs, wrongRoute);
  }

  /** When the first request sent after {@code after} and served was sent; 0 when none yet. */
  private static long firstServedAfter(ConcurrentLinkedQueue<Sent> sent, long after) {
    long first = 0;
    for (Sent s : sent) {
      if (s.at() > after && s.status() == 200 && (first == 0 || s.at() < first)) {
        first = s.at();
      }
    }
    return first;
  }

  private static void awaitReady(int routerPort) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + routerPort + "/q/health/ready"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // restarting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the router was not ready within " + GIVE_UP);
  }

  private static String report(List<Outcome> outcomes) {
    Map<String, Integer> kinds = new TreeMap<>();
    outcomes.forEach(o -> o.kinds().forEach((k, v) -> kinds.merge(k, v, Integer::sum)));
    List<Double> errors = outcomes.stream().map(o -> (double) o.errors()).toList();
    List<Double> recovery = outcomes.stream().map(Outcome::recoveryMs).toList();
    return String.format(
        Locale.ROOT,
        """
        ## Router restarted under load

        Measured %s by `bench/router-restart.sh %d` on this machine (2 cores): a client sends 100
        requests/s through the gateway to a backend the bench runs; after %d s the router is
        killed (SIGKILL) and the supervisor starts it again, which rebuilds its route table from
        the bus. Client errors: requests not answered 200 (a refused or cut connection, or an
        error status). Recovery: from the kill to the first request after it that was served.

        | runs | requests per run (median) | client errors (median) | client errors (worst) | recovery (median) | recovery (worst) | served by another route |
        |---:|---:|---:|---:|---:|---:|---:|
        | %d | %.0f | %.0f | %.0f | %.1f s | %.1f s | %d |

        Failed requests by kind, all runs: %s. The errors are the outage itself: one router is
        one point of failure, and what a client sees of a restart is its downtime. %s
        """,
        LocalDate.now(),
        outcomes.size(),
        STEADY.toSeconds(),
        outcomes.size(),
        Percentiles.median(outcomes.stream().map(o -> (double) o.requests()).toList()),
        Percentiles.median(errors),
        errors.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        Percentiles.median(recovery) / 1000,
        recovery.stream().mapToDouble(Double::doubleValue).max().orElse(0) / 1000,
        outcomes.stream().mapToInt(Outcome::wrongRoute).sum(),
        kinds.isEmpty() ? "none" : kinds.toString(),
        kinds.containsKey("404")
            ? "A restarted router answered `404` for the live service "
                + kinds.get("404")
                + " times: its table did not yet hold the route."
            : "No request was answered `404`: until its table holds what the bus held, a"
                + " restarted router answers `503` with `Retry-After: 1` for a service it has not"
                + " read yet.");
  }
}
