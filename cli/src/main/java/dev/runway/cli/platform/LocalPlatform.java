package dev.runway.cli.platform;

import dev.runway.common.process.LocalProcessRecord;
import dev.runway.common.process.ProcessIdentity;
import dev.runway.common.process.Signals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runway on one machine: Kafka, PostgreSQL and the five services as processes, started side by side
 * and awaited, supervised (a service that dies is started again alone, up to {@code
 * RUNWAY_MAX_RESTARTS} times, default {@value #MAX_RESTARTS}, as systemd or Kubernetes would; Kafka
 * or PostgreSQL dying stops the rest), and stopped in order: the services together (they still need
 * the broker and database to stop cleanly), then the infrastructure, then the revisions. {@code
 * runwayctl up}, {@code runwayctl demo} and the end-to-end tests all run it.
 */
public final class LocalPlatform implements AutoCloseable {

  public static final int MAX_RESTARTS = 5;
  static final String KAFKA = "kafka";
  static final String POSTGRES = "postgres";
  private static final Duration SERVICE_READY = Duration.ofSeconds(120);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PlatformLayout layout;
  private final Map<String, String> environment;
  private final PrintStream out;
  private final ProcessLauncher launcher;
  private final Map<String, ProcessLauncher.Child> children = new LinkedHashMap<>();
  private final Map<PlatformService, Integer> restarts = new HashMap<>();
  private final int maxRestarts;
  private Datasource datasource;
  private String token;

  /** Completed by {@link #stop}: the supervisor wakes on it as on a child's exit. */
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  /**
   * @param environment what every process of the platform inherits (the caller's environment and
   *     any settings for the services, such as {@code RUNWAY_SLO_TIME_SCALE})
   */
  public LocalPlatform(PlatformLayout layout, Map<String, String> environment, PrintStream out) {
    this.layout = layout;
    this.environment = Map.copyOf(environment);
    this.out = out;
    this.launcher = new ProcessLauncher(layout, environment);
    this.maxRestarts =
        Integer.parseInt(environment.getOrDefault("RUNWAY_MAX_RESTARTS", "" + MAX_RESTARTS));
  }

  public PlatformLayout layout() {
    return layout;
  }

  /** The revisions the local runtime records under {@code dir} (a placement's directory). */
  public List<LocalProcessRecord> revisions(Path dir) throws IOException {
    return Workloads.under(dir);
  }

  /** The identity of one of the platform's own processes, while this platform runs it. */
  public synchronized Optional<ProcessIdentity> process(String name) {
    return Optional.ofNullable(children.get(name)).map(ProcessLauncher.Child::identity);
  }

  /** The bearer token the services accept, once started. */
  public String token() {
    return token;
  }

  /** Starts everything and returns once every service is ready; stops what it started if not. */
  public void start() throws PlatformFailure, IOException, InterruptedException {
    try {
      datasource = Datasource.of(layout.databaseUrl(), layout.databasePort());
    } catch (IllegalArgumentException e) {
      throw new PlatformFailure(e.getMessage());
    }
    requireFree(layout.kafkaPort(), "Kafka", PlatformPorts.KAFKA);
    requireFree(layout.kafkaControllerPort(), "Kafka's controller", PlatformPorts.KAFKA_CONTROLLER);
    if (layout.databaseUrl().isEmpty()) {
      requireFree(layout.databasePort(), "PostgreSQL", PlatformPorts.DATABASE);
    }
    for (PlatformService service : PlatformService.values()) {
      requireFree(layout.port(service), service.id(), service.portVariable());
    }
    Files.createDirectories(layout.logs());
    token = PlatformToken.ensure(layout, environment);
    try {
      startInfrastructure();
      for (PlatformService service : PlatformService.values()) {
        startService(service);
      }
      for (PlatformService service : PlatformService.values()) {
        awaitService(service);
      }
    } catch (PlatformFailure | IOException | InterruptedException | RuntimeException e) {
      stop(false);
      throw e;
    }
  }

  /**
   * Watches the processes until {@link #stop} is called (returns 0) or the platform cannot go on
   * (returns 1, having stopped the rest and left the revisions running for the next start to
   * adopt).
   */
  public int supervise() throws InterruptedException {
    while (!stopped.isDone()) {
      awaitAnExitOrStop();
      // Every service that died is started again before any is awaited: several dying at once
      // (a host's hiccup, an operator's kill) come back side by side, not one after the other.
      List<PlatformService> restarted = new ArrayList<>();
      for (Map.Entry<String, ProcessLauncher.Child> entry : snapshot().entrySet()) {
        if (stopped.isDone() || entry.getValue().process().isAlive()) {
          continue;
        }
        Optional<PlatformService> service = service(entry.getKey());
        int attempt = service.map(s -> restarts.merge(s, 1, Integer::sum)).orElse(0);
        if (service.isEmpty() || attempt > maxRestarts) {
          say(entry.getKey() + " exited on its own; stopping the rest (see " + layout.logs() + ")");
          stop(true);
          say("revisions keep running for the next ./runway up to adopt; ./runway down stops them");
          return 1;
        }
        say(
            entry.getKey()
                + " exited on its own; restarting it ("
                + attempt
                + " of "
                + maxRestarts
                + "; see "
                + entry.getValue().log()
                + ")");
        try {
          startService(service.get());
          restarted.add(service.get());
        } catch (IOException e) {
          say(e.getMessage());
        }
      }
      for (PlatformService service : restarted) {
        try {
          awaitService(service);
          say(service.id() + " is back");
        } catch (PlatformFailure e) {
          say(e.getMessage());
        }
      }
    }
    return 0;
  }

  /** Returns once any child has exited or the platform is being stopped. */
  private void awaitAnExitOrStop() throws InterruptedException {
    List<CompletableFuture<?>> events = new ArrayList<>();
    events.add(stopped);
    snapshot().values().forEach(child -> events.add(child.process().onExit()));
    try {
      CompletableFuture.anyOf(events.toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException impossible) {
      // neither an exit nor the stop completes exceptionally
    }
  }

  /** Stops what this platform started; the revisions too unless {@code keepWorkloads}. */
  public void stop(boolean keepWorkloads) {
    List<ProcessLauncher.Child> services = new ArrayList<>();
    List<ProcessLauncher.Child> infrastructure = new ArrayList<>();
    synchronized (this) {
      stopped.complete(null);
      for (ProcessLauncher.Child child : children.values()) {
        (service(child.name()).isPresent() ? services : infrastructure).add(child);
      }
      children.clear();
    }
    stopTogether(services);
    stopTogether(infrastructure);
    if (!keepWorkloads) {
      try {
        int stopped = Workloads.stopAll(layout.runtime());
        if (stopped > 0) {
          say("stopped " + stopped + " revision process(es)");
        }
      } catch (IOException e) {
        say("could not read the revisions' records under " + layout.runtime() + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    stop(false);
  }

  /** The operator's summary of where everything answers. */
  public String endpointsText() {
    return Welcome.text(layout, datasource);
  }

  void say(String message) {
    out.println(CLOCK.format(LocalTime.now()) + " runway: " + message);
    out.flush();
  }

  private void startInfrastructure() throws PlatformFailure, IOException, InterruptedException {
    // The two start side by side (about 5 s each); the services need both.
    ProcessLauncher.Child postgres = null;
    if (layout.databaseUrl().isEmpty()) {
      say("starting PostgreSQL on 127.0.0.1:" + layout.databasePort());
      postgres =
          track(
              launcher.start(
                  POSTGRES,
                  List.of(
                      ProcessLauncher.java(),
                      "-Xmx128m",
                      "-XX:TieredStopAtLevel=1",
                      "-XX:+UseSerialGC",
                      "-cp",
                      layout.infrastructureClasspath(),
                      "dev.runway.local.PostgresServer",
                      layout.home().resolve("postgres").toString(),
                      String.valueOf(layout.databasePort())),
                  Map.of()));
    } else {
      say("using the PostgreSQL at RUNWAY_DB_URL");
    }
    List<String> kafkaCommand = new KafkaNode(layout).prepare(launcher);
    say("starting Kafka on " + layout.kafka());
    ProcessLauncher.Child kafka = track(launcher.start(KAFKA, kafkaCommand, Map.of()));
    if (postgres != null) {
      ProcessLauncher.Child started = postgres;
      Readiness.await(started, Duration.ofSeconds(90), () -> started.logged("PostgreSQL ready"));
    }
    Readiness.await(kafka, Duration.ofSeconds(60), () -> Readiness.listening(layout.kafkaPort()));
  }

  private void startService(PlatformService service) throws IOException {
    say("starting " + service.id() + " on 127.0.0.1:" + layout.port(service));
    ServiceLaunch launch = new ServiceLaunch(layout, environment, datasource, token);
    track(
        launcher.start(
            service.id(), launch.command(service), launch.environment(layout.port(service))));
  }

  private void awaitService(PlatformService service) throws PlatformFailure, InterruptedException {
    ProcessLauncher.Child child;
    synchronized (this) {
      child = children.get(service.id());
    }
    if (child == null) {
      throw new PlatformFailure(service.id() + " was stopped while starting");
    }
    Readiness.await(child, SERVICE_READY, () -> Readiness.ready(layout.port(service)));
  }

  private synchronized ProcessLauncher.Child track(ProcessLauncher.Child child) {
    if (stopped.isDone()) {
      child.process().destroyForcibly();
      throw new IllegalStateException("the platform is stopping");
    }
    children.put(child.name(), child);
    return child;
  }

  private synchronized Map<String, ProcessLauncher.Child> snapshot() {
    return new LinkedHashMap<>(children);
  }

  private void stopTogether(List<ProcessLauncher.Child> group) {
    if (group.isEmpty()) {
      return;
    }
    List<ProcessHandle> handles = new ArrayList<>();
    for (ProcessLauncher.Child child : group) {
      child.identity().handle().ifPresent(handles::add);
    }
    Signals.stop(handles, Duration.ofSeconds(10));
    List<String> names = new ArrayList<>();
    for (ProcessLauncher.Child child : group) {
      names.add(child.name());
      try {
        Files.deleteIfExists(layout.pids().resolve(child.name() + ".json"));
      } catch (IOException e) {
        say("could not remove the record of " + child.name() + ": " + e.getMessage());
      }
    }
    say("stopped " + String.join(" ", names));
  }

  private static Optional<PlatformService> service(String name) {
    for (PlatformService service : PlatformService.values()) {
      if (service.id().equals(name)) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }

  private static void requireFree(int port, String what, String variable) throws PlatformFailure {
    if (Readiness.listening(port)) {
      throw new PlatformFailure(
          "port "
              + port
              + " ("
              + what
              + ") is already in use. Stop whatever holds it"
              + " (./runway down stops a previous Runway) or move it: "
              + variable
              + "=<port> ./runway ...");
    }
  }
}
