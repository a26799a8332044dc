package dev.runway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.client.Problems;
import dev.runway.cli.deploy.StatusCommand;
import dev.runway.cli.events.EventFeed;
import dev.runway.cli.events.EventLine;
import dev.runway.cli.inventory.ApplyCommand;
import dev.runway.cli.platform.LocalPlatform;
import dev.runway.cli.platform.PlatformService;
import dev.runway.cli.rollout.RolloutTable;
import dev.runway.cli.traffic.GatewayClient;
import dev.runway.cli.traffic.TrafficRun;
import dev.runway.cli.traffic.TrafficTally;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.process.LocalProcessRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's story, told over a running local platform: provision the example service, fan its
 * deployment out to three regions, route clients to their nearest region, fail one over, judge
 * every region, and roll a bad v2 back in the one region where it fails while the others take it.
 * Each step checks what it shows and the story stops at the first that goes otherwise.
 */
public final class Demo {

  static final String SERVICE = "example-service";
  static final String V2 = SERVICE + "-staging-00002";
  private static final String STAGING_HOST = SERVICE + ".staging.runway.localhost";
  private static final Map<String, String> NEAREST =
      Map.of("europe-west4", "europe-west1", "us-central1", "us-east1", "us-west2", "us-west1");
  private static final Set<String> TIMELINE =
      Set.of(
          "RolloutStarted",
          "TrafficShiftRequested",
          "SloBreached",
          "RollbackRequested",
          "RolledBack",
          "PromotionBlocked",
          "PromotionApproved",
          "RolloutFinished");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final LocalPlatform platform;
  private final Endpoints endpoints;
  private final PrintStream out;
  private final DemoProbes probes;
  private final GatewayClient gateway;
  private final Map<String, String> nearest = new LinkedHashMap<>();
  private final List<String> failover = new ArrayList<>();
  private Map<String, String> judged = Map.of();
  private TrafficTally tally = new TrafficTally();
  private List<String> production = List.of();

  public Demo(LocalPlatform platform, PrintStream out) {
    this.platform = platform;
    this.endpoints = Endpoints.of(platform.layout(), platform.token());
    this.out = out;
    this.probes = new DemoProbes(platform.layout(), endpoints, SERVICE);
    this.gateway =
        new GatewayClient(
            platform.layout().url(PlatformService.GATEWAY_ROUTER), STAGING_HOST, "/v1/completions");
  }

  /** Tells the story; the outcome says how far it went and what it saw. */
  public DemoOutcome run() throws InterruptedException {
    try (EventFeed feed = new EventFeed(endpoints.kafka(), out)) {
      Optional<String> failure = Optional.empty();
      Map<String, String> phases = Map.of();
      try {
        provision(feed);
        deploy(feed);
        everyRegionAnswers();
        nearestRegionServes();
        failOver();
        judge();
        phases = rollOutV2(feed);
      } catch (DemoFailed e) {
        failure = Optional.of(e.getMessage());
      } catch (IOException e) {
        failure = Optional.of("a service could not be reached: " + e.getMessage());
      }
      List<RunwayEvent> events =
          feed.lines().stream()
              .filter(line -> line.event() != null && SERVICE.equals(line.service()))
              .map(line -> line.event().data())
              .toList();
      DemoOutcome outcome =
          new DemoOutcome(
              failure,
              events,
              Map.copyOf(nearest),
              List.copyOf(failover),
              judged,
              phases,
              production,
              tally.requests(),
              tally.failed(),
              secondsFaultToLastV2());
      if (outcome.completed()) {
        outcome = DemoSummary.check(outcome, out);
      }
      return outcome;
    }
  }

  private void provision(EventFeed feed) throws DemoFailed, IOException, InterruptedException {
    step("1. provisioning: applying examples/inventory.json");
    feed.show(this::aboutService);
    Path inventory = platform.layout().root().resolve("examples/inventory.json");
    ApiClient.Answer answer =
        new ApiClient(endpoints.provisioner(), endpoints)
            .post("/api/v1/inventory", Files.readString(inventory));
    if (!answer.ok()) {
      throw new DemoFailed(Problems.describe(inventory.toString(), answer));
    }
    ApplyCommand.print(answer.body(), out);
    await(feed, "ServiceProvisioned", Duration.ofSeconds(120));
  }

  private void deploy(EventFeed feed) throws DemoFailed, IOException, InterruptedException {
    step(
        "2. deploying: applying examples/hello-service/.runway/runway-staging.yml (fan-out to"
            + " every region at once)");
    apply("runway-staging.yml", "staging");
    await(feed, "DeploymentCompleted", Duration.ofSeconds(180));
    feed.show(line -> false);
    // Production first sees v1 here: the production change lock holds it (ChangeHeld) until
    // staging's rollout of the same image succeeds, which step 8 shows.
    apply("runway-production.yml", "production");
  }

  private void everyRegionAnswers() throws DemoFailed, IOException, InterruptedException {
    step("3. every region answers with its own RUNWAY_REGION:");
    out.print(StatusCommand.table(probes.status()));
    int answered = 0;
    for (JsonNode region : probes.regions("staging").values()) {
      String url = region.path("url").asText();
      ApiClient.Answer answer = new ApiClient(url, endpoints).post("/v1/completions", "{}");
      if (answer.body() != null
          && answer.body().path("revision").asText().startsWith(SERVICE + "-staging")) {
        out.println("  " + url + "/v1/completions -> " + answer.body());
        answered++;
      }
    }
    if (answered != 3) {
      throw new DemoFailed("expected 3 regions to answer, got " + answered);
    }
  }

  private void nearestRegionServes() throws DemoFailed, IOException, InterruptedException {
    step(
        "4. through the gateway ("
            + platform.layout().url(PlatformService.GATEWAY_ROUTER)
            + "): each client is served by its nearest region");
    DemoProbes.until(
        "the gateway's routes", Duration.ofSeconds(30), () -> probes.routedBackends() >= 3);
    for (String client : List.of("europe-west4", "us-central1", "us-west2")) {
      String served = gateway.send(client).region();
      nearest.put(client, served);
      out.println("  client in " + client + " -> served by " + served);
      if (!served.equals(NEAREST.get(client))) {
        throw new DemoFailed("expected " + NEAREST.get(client) + " to serve " + client);
      }
    }
  }

  private void failOver() throws DemoFailed, IOException, InterruptedException {
    step("5. europe-west1's revision is killed; its clients fail over to the next nearest region");
    Path region = platform.layout().runtime().resolve(SERVICE + "/staging/europe-west1");
    // Killed and gone before the first request: the story is a dead region, not one dying.
    for (LocalProcessRecord record : platform.revisions(region)) {
      Optional<ProcessHandle> process = record.process().handle();
      if (process.isPresent()) {
        process.get().destroyForcibly();
        try {
          process.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          throw new DemoFailed("europe-west1's revision did not die within 5 s of SIGKILL");
        }
      }
    }
    int failed = 0;
    for (int i = 0; i < 20; i++) {
      try {
        GatewayClient.Served served = gateway.send("europe-west4");
        failover.add(served.failed() ? "" : served.region());
        failed += served.failed() ? 1 : 0;
      } catch (IOException e) {
        failover.add("");
        failed++;
      }
    }
    // Drift correction restarts the killed revision within a second or two, so the last requests
    // may be europe-west1's again.
    String runs = Runs.of(failover);
    out.println(
        "  client in europe-west4 -> served by "
            + runs
            + " ("
            + failed
            + " of 20 requests failed)");
    if (failed > 0 || !Runs.failedOverAndBack(failover, "us-east1", "europe-west1")) {
      throw new DemoFailed(
          "expected us-east1 to take over without errors until europe-west1 is back");
    }
    if (failover.contains("europe-west1")) {
      out.println("  (europe-west1 answers again: drift correction restarted its revision)");
    }
  }

  private void judge() throws DemoFailed, IOException, InterruptedException {
    step(
        "6. observability judges every region from the gateway's telemetry (dashboard: "
            + platform.layout().url(PlatformService.OBSERVABILITY)
            + "/)");
    DemoProbes.until(
        "observability's SLIs of all three regions",
        Duration.ofSeconds(30),
        () -> probes.judged().size() >= 3);
    judged = probes.judged();
    judged.forEach((region, status) -> out.println("  " + region + ": " + status));
  }

  private List<String> production() throws DemoFailed, IOException, InterruptedException {
    step(
        "8. production runs v1 too, released from the production change lock once staging's"
            + " rollout of v1 succeeded; europe-west1 is back (drift correction restarted it)");
    DemoProbes.until(
        "europe-west1 serving again",
        Duration.ofSeconds(90),
        () -> gateway.send("europe-west4").region().equals("europe-west1"));
    DemoProbes.until(
        "production's deployment",
        Duration.ofSeconds(120),
        () ->
            probes.regions("production").values().stream()
                    .filter(r -> r.path("revision").asText().equals(SERVICE + "-production-00001"))
                    .filter(r -> r.path("status").asText().equals("ready"))
                    .count()
                >= 3);
    StatusCommand.table(probes.status())
        .lines()
        .filter(line -> line.startsWith("ENVIRONMENT") || line.startsWith("production"))
        .forEach(out::println);
    return revisions("production");
  }

  private Map<String, String> rollOutV2(EventFeed feed)
      throws DemoFailed, IOException, InterruptedException {
    step(
        "7. steady traffic through the gateway from clients near each region (20 requests/s each,"
            + " after a 10 s ramp)");
    try (TrafficRun traffic =
        new TrafficRun(
                gateway,
                List.copyOf(NEAREST.keySet()).stream().sorted().toList(),
                20,
                Duration.ofSeconds(10),
                Optional.of(platform.layout().home().resolve("traffic.json")))
            .start()) {
      tally = traffic.tally();
      DemoProbes.until(
          "v1 judged healthy in all three regions",
          Duration.ofSeconds(90),
          () -> probes.judged().values().stream().filter("HEALTHY"::equals).count() >= 3);
      production = production();
      step(
          "9. deploying v2 to staging: it answers 15% of requests with 500, in us-east1 only; the"
              + " guard steps it 25% -> 50% -> 100%");
      feed.show(line -> aboutService(line) && TIMELINE.contains(line.type()));
      apply("runway-staging-v2.yml", "staging");
      Optional<EventLine> finished =
          feed.await(
              line ->
                  line.event() != null
                      && line.event().data() instanceof RolloutFinished f
                      && f.revision().equals(V2),
              Duration.ofSeconds(240));
      if (finished.isEmpty()) {
        throw new DemoFailed("v2's rollout did not end within 240 s");
      }
      feed.show(line -> false);
    }
    step("10. what happened");
    JsonNode rollout = probes.rollout(V2);
    RolloutTable.print(
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(rollout), out);
    Map<String, String> phases = new LinkedHashMap<>();
    rollout
        .path("regions")
        .forEach(r -> phases.put(r.path("region").asText(), r.path("phase").asText()));
    return phases;
  }

  private List<String> revisions(String environment) throws IOException, InterruptedException {
    return probes.regions(environment).values().stream()
        .map(r -> r.path("revision").asText("-"))
        .toList();
  }

  private void apply(String manifest, String environment)
      throws DemoFailed, IOException, InterruptedException {
    probes.apply(
        platform.layout().root().resolve("examples/hello-service/.runway").resolve(manifest),
        environment);
  }

  private void await(EventFeed feed, String type, Duration timeout)
      throws DemoFailed, InterruptedException {
    if (feed.await(line -> aboutService(line) && line.type().equals(type), timeout).isEmpty()) {
      throw new DemoFailed("no " + type + " event within " + timeout.toSeconds() + " s");
    }
  }

  private boolean aboutService(EventLine line) {
    return SERVICE.equals(line.service());
  }

  private Optional<Double> secondsFaultToLastV2() {
    TrafficTally.Served v2 = tally.served().get("us-east1 " + V2);
    return v2 == null
        ? Optional.empty()
        : Optional.of(Math.round((v2.lastAtMs() - v2.firstAtMs()) / 100.0) / 10.0);
  }

  private void step(String text) {
    out.println();
    out.println(CLOCK.format(LocalTime.now()) + " runway: " + text);
    out.flush();
  }
}
