package dev.runway.reconciler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runtime with real processes of the bundled example service. */
class LocalRuntimeTest {

  static final List<String> HELLO =
      List.of(
          "java",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx32m",
          "-jar",
          Path.of(System.getProperty("repo.root", ".."))
              .resolve("examples/hello-service/target/hello-service.jar")
              .toString());

  @TempDir Path state;

  private final HttpClient http = HttpClient.newHttpClient();
  private LocalRuntime runtime;

  private LocalRuntime runtime() {
    return new LocalRuntime(state, HELLO, Duration.ofSeconds(30), 2);
  }

  private static Revision revision(int sequence, List<String> command) {
    return new Revision(
        "s-staging-0000" + sequence,
        sequence,
        "registry.example.com/s:" + sequence,
        8181,
        Map.of(),
        new RunwayManifest.Resources(null, null),
        new RunwayManifest.Scaling(null, null),
        "/healthz",
        command,
        "hash" + sequence);
  }

  private String answer(RunningRevision running) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(running.url() + "/v1/completions")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @AfterEach
  void stopEverything() {
    for (String region : List.of("europe-west1", "us-east1", "us-west1")) {
      runtime().remove(new Placement("s", Environment.STAGING, region));
    }
  }

  @Test
  void shouldRunARevisionPerRegionThatAnswersWithItsRegion() throws Exception {
    runtime = runtime();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<String> regions = List.of("europe-west1", "us-east1", "us-west1");
      List<Future<RunningRevision>> deployed =
          regions.stream()
              .map(
                  r ->
                      pool.submit(
                          () ->
                              runtime.deploy(
                                  new Placement("s", Environment.STAGING, r),
                                  revision(1, List.of()))))
              .toList();

      for (int i = 0; i < regions.size(); i++) {
        assertThat(answer(deployed.get(i).get()))
            .contains("\"region\":\"" + regions.get(i) + "\"")
            .contains("\"revision\":\"s-staging-00001\"");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldGiveARevisionItsManifestsEnvironmentAndNothingOfThePlatforms() throws Exception {
    runtime = runtime();
    Revision withEnv =
        new Revision(
            "s-staging-00001",
            1,
            "registry.example.com/s:1",
            8181,
            Map.of("GREETING", "hello"),
            new RunwayManifest.Resources(null, null),
            new RunwayManifest.Scaling(null, null),
            "/healthz",
            List.of(),
            "hash1");
    Placement placement = new Placement("s", Environment.STAGING, "europe-west1");
    runtime.deploy(placement, withEnv);
    long pid = new ProcessRecords(state).read(placement, "s-staging-00001").process().pid();

    // What the kernel holds for the live process
    Map<String, String> environ = Orphans.environ(pid);
    assertThat(environ)
        .containsEntry("GREETING", "hello")
        .containsEntry("RUNWAY_REGION", "europe-west1")
        .containsEntry("RUNWAY_SERVICE", "s")
        .containsEntry("RUNWAY_REVISION", "s-staging-00001")
        .containsEntry("RUNWAY_ENVIRONMENT", "staging")
        .containsKey("PORT");
    assertThat(environ.keySet())
        .allMatch(
            name -> name.equals("GREETING") || name.equals("PORT") || name.startsWith("RUNWAY_"),
            "only the manifest's, PORT and RUNWAY_* variables")
        .doesNotContain("PATH", "HOME", "KAFKA_BOOTSTRAP_SERVERS");
    // The test JVM's own environment is the stand-in for the reconciler's: none of it leaks.
    System.getenv().keySet().stream()
        .filter(name -> !name.startsWith("RUNWAY_") && !name.equals("PORT"))
        .forEach(name -> assertThat(environ).doesNotContainKey(name));
  }

  @Test
  void shouldHoldAFarRegionsAnswersBackByItsNetworkDelay() throws Exception {
    LocalRuntime delayed =
        new LocalRuntime(
            state, HELLO, Duration.ofSeconds(30), 2, Map.of("us-east1", Duration.ofMillis(300)));
    RunningRevision far =
        delayed.deploy(new Placement("s", Environment.STAGING, "us-east1"), revision(1, List.of()));
    answer(far); // a first request pays for class loading; the second shows the network

    long start = System.nanoTime();
    String body = answer(far);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(body).contains("\"region\":\"us-east1\"");
    assertThat(took)
        .as("one round trip through the relay")
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    delayed.remove(new Placement("s", Environment.STAGING, "us-east1"));
  }

  @Test
  void shouldAdoptWhatRunsAfterARestartInsteadOfStartingItAgain() throws Exception {
    Placement placement = new Placement("s", Environment.STAGING, "us-east1");
    RunningRevision first = runtime().deploy(placement, revision(1, List.of()));

    RunningRevision again = runtime().deploy(placement, revision(1, List.of()));

    assertThat(again).isEqualTo(first);
    assertThat(runtime().running(placement)).containsExactly(first);
  }

  @Test
  void shouldKeepThePreviousRevisionWarmAndRouteBetweenThem() throws Exception {
    Placement placement = new Placement("s", Environment.STAGING, "europe-west1");
    LocalRuntime runtime = runtime();
    RunningRevision v1 = runtime.deploy(placement, revision(1, List.of()));
    runtime.route(placement, Map.of(v1.revision(), 100));

    RunningRevision v2 = runtime.deploy(placement, revision(2, List.of()));
    runtime.route(placement, Map.of(v1.revision(), 75, v2.revision(), 25));

    assertThat(runtime.running(placement)).containsExactly(v1, v2);
    assertThat(runtime.traffic(placement)).isEqualTo(Map.of(v1.revision(), 75, v2.revision(), 25));
  }

  @Test
  void shouldStopRevisionsOlderThanTheWarmOnesOnceTheyTakeNoTraffic() throws Exception {
    Placement placement = new Placement("s", Environment.STAGING, "us-west1");
    LocalRuntime runtime = runtime();
    runtime.deploy(placement, revision(1, List.of()));
    RunningRevision v2 = runtime.deploy(placement, revision(2, List.of()));
    runtime.route(placement, Map.of(v2.revision(), 100));

    RunningRevision v3 = runtime.deploy(placement, revision(3, List.of()));

    assertThat(runtime.running(placement)).containsExactly(v2, v3);
  }

  @Test
  void shouldReportACommandThatExitsWithItsOutput() {
    Placement placement = new Placement("s", Environment.STAGING, "us-east1");

    DeployFailed failed =
        catchThrowableOfType(
            DeployFailed.class,
            () ->
                runtime()
                    .deploy(
                        placement,
                        revision(1, List.of("sh", "-c", "echo cannot load model; exit 3"))));

    assertThat(failed).isNotNull();
    assertThat(failed.getMessage())
        .contains("exited before it was ready in us-east1")
        .contains("cannot load model");
  }

  /** A shell that runs {@code script} and then becomes the example service. */
  private static List<String> helloAfter(String script) {
    return List.of("sh", "-c", script + " exec " + String.join(" ", HELLO));
  }

  @Test
  void shouldStopWhatARevisionsCommandForkedWithIt() throws Exception {
    Placement placement = new Placement("s", Environment.STAGING, "us-east1");
    Path forked = state.resolve("forked.pid");
    runtime().deploy(placement, revision(1, helloAfter("sleep 300 & echo $! > " + forked + ";")));
    ProcessHandle child =
        ProcessHandle.of(Long.parseLong(Files.readString(forked).trim())).orElseThrow();

    runtime().remove(placement);

    assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void shouldStopWhatACrashLeftStartedButUnrecordedBeforeStartingTheRevisionAgain()
      throws Exception {
    // A reconciler killed between starting the revision and writing its record left this running,
    // and another Runway on the machine runs the same revision name under its own state directory
    Placement placement = new Placement("s", Environment.STAGING, "us-west1");
    Process orphan = revisionProcess(state, placement, "s-staging-00001");
    Process someoneElses = revisionProcess(state.resolve("other"), placement, "s-staging-00001");
    try {
      RunningRevision running = runtime().deploy(placement, revision(1, List.of()));

      assertThat(orphan.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
      assertThat(someoneElses.isAlive()).isTrue();
      assertThat(answer(running)).contains("\"region\":\"us-west1\"");
    } finally {
      someoneElses.destroyForcibly();
      orphan.destroyForcibly();
    }
  }

  /** A process with the environment the runtime gives {@code revision}, as if it had started it. */
  private static Process revisionProcess(Path state, Placement placement, String revision)
      throws java.io.IOException {
    ProcessBuilder builder = new ProcessBuilder("sleep", "300");
    builder.environment().put(Orphans.OWNER, state.toAbsolutePath().normalize().toString());
    builder.environment().put("RUNWAY_SERVICE", placement.service());
    builder.environment().put("RUNWAY_ENVIRONMENT", placement.environment().wire());
    builder.environment().put("RUNWAY_REGION", placement.region());
    builder.environment().put("RUNWAY_REVISION", revision);
    return builder.start();
  }

  @Test
  void shouldStartAgainOnAnotherPortWhenAnotherProcessTookItsPort() throws Exception {
    // The first start loses its port as a JVM reports it; the second binds.
    Placement placement = new Placement("s", Environment.STAGING, "europe-west1");
    Path lost = state.resolve("lost-once");
    String loseOnce =
        "if [ ! -f %s ]; then touch %s; echo 'java.net.BindException: Address already in use';"
                .formatted(lost, lost)
            + " exit 1; fi;";
    RunningRevision running = runtime().deploy(placement, revision(1, helloAfter(loseOnce)));

    assertThat(answer(running)).contains("\"region\":\"europe-west1\"");
    assertThat(runtime().running(placement)).containsExactly(running);
  }

  @Test
  void shouldRefuseToRouteToARevisionThatDoesNotRun() {
    DeployFailed failed =
        catchThrowableOfType(
            DeployFailed.class,
            () ->
                runtime()
                    .route(
                        new Placement("s", Environment.STAGING, "us-east1"),
                        Map.of("s-staging-00009", 100)));

    assertThat(failed).hasMessageContaining("it does not run");
  }
}
