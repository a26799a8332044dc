package dev.runway.e2e;

import dev.runway.cli.platform.PlatformLayout;
import dev.runway.cli.platform.PlatformPorts;
import dev.runway.cli.platform.PlatformService;
import dev.runway.cli.platform.ProcessRecordFile;
import dev.runway.common.process.ProcessIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A platform's settings for a test (its own state directory and free ports for every port {@link
 * PlatformPorts} names), and {@code ./runway} run with them from the repository root.
 */
final class Launcher {

  private static final java.util.Random RANDOM = new java.util.Random();
  // Ports handed out in this JVM, never handed twice: a platform being stopped may still hold one.
  private static final java.util.Set<Integer> TAKEN =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  final Path root;
  final Path home;
  final Map<String, String> env = new HashMap<>();

  Launcher(String name) throws IOException {
    String property = System.getProperty("repo.root");
    root = property == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(property);
    home = root.resolve("e2e/target/" + name);
    deleteRecursively(home); // every test starts from an empty platform
    env.put("RUNWAY_HOME", home.toString());
    env.put("RUNWAY_ROOT", root.toString());
    for (String variable : PlatformPorts.variables()) {
      env.put(variable, String.valueOf(freePort()));
    }
  }

  /** The platform these settings describe, for a supervisor run in this JVM. */
  PlatformLayout layout() {
    return PlatformLayout.from(env);
  }

  /** The result of a finished command. */
  record Run(int exitCode, String output) {}

  Run run(Duration timeout, String... args) throws IOException, InterruptedException {
    Files.createDirectories(home);
    Path log = Files.createTempFile(home, "runway-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(concat("./runway", args))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(
          "./runway "
              + String.join(" ", args)
              + " did not finish within "
              + timeout
              + ":\n"
              + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Starts {@code ./runway up} and returns once it says the platform is up. */
  Process up(Duration timeout) throws IOException, InterruptedException {
    Files.createDirectories(home);
    Path log = home.resolve("up.log");
    Files.deleteIfExists(log);
    ProcessBuilder builder =
        new ProcessBuilder("./runway", "up")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    org.awaitility.Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("./runway up exited early:\n" + Files.readString(log));
              }
              return Files.exists(log) && Files.readString(log).contains("Runway is up");
            });
    return process;
  }

  /** Replicas started beside the platform; destroying one's process stops that replica. */
  record Replicas(List<Process> processes, Map<Process, Path> logs) {

    /** Returns once every replica said it is up; fails if one exited. */
    void awaitUp(Duration timeout) {
      org.awaitility.Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                for (Process process : processes) {
                  String log = Files.readString(logs.get(process));
                  if (!process.isAlive()) {
                    throw new AssertionError("./runway replica exited early:\n" + log);
                  }
                  if (!log.contains("is up on")) {
                    return false;
                  }
                }
                return true;
              });
    }

    void stop() throws InterruptedException {
      processes.forEach(Process::destroy);
      for (Process process : processes) {
        process.waitFor();
      }
    }
  }

  /**
   * Starts {@code ./runway replica <service>} for each service, side by side, each on a free port
   * beside the running platform; they start while the caller goes on ({@link Replicas#awaitUp}).
   */
  Replicas replicas(List<String> services) throws IOException {
    List<Process> started = new java.util.ArrayList<>();
    Map<Process, Path> logs = new HashMap<>();
    for (String service : services) {
      Path log = home.resolve("replica-" + service + ".log");
      Files.deleteIfExists(log);
      ProcessBuilder builder =
          new ProcessBuilder("./runway", "replica", service, "--port", String.valueOf(freePort()))
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      started.add(process);
      logs.put(process, log);
    }
    return new Replicas(started, logs);
  }

  /**
   * Kills one of the platform's services (SIGKILL) and returns once {@code ./runway up}, its
   * supervisor, has started it again and it is ready.
   */
  void killAndAwaitRestart(String process, Duration timeout) throws IOException {
    long killed = pid(process);
    ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
    awaitRestart(process, killed, timeout);
  }

  /** Returns once the supervisor runs a new {@code process} (not {@code killed}) that is ready. */
  void awaitRestart(String process, long killed, Duration timeout) {
    PlatformService service = PlatformService.valueOf(process.toUpperCase().replace('-', '_'));
    org.awaitility.Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> pid(process) != killed && ready(layout().url(service)));
  }

  private static boolean ready(String url) throws IOException, InterruptedException {
    return HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/q/health/ready"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding())
            .statusCode()
        == 200;
  }

  /** Stops a platform started by {@link #up}, as Ctrl-C would. */
  void stop(Process up) throws InterruptedException {
    up.destroy();
    if (!up.waitFor(60, TimeUnit.SECONDS)) {
      up.destroyForcibly();
    }
  }

  /** The pid the supervisor recorded for one of its processes, while it is that process. */
  long pid(String process) throws IOException {
    return ProcessRecordFile.read(layout().pids().resolve(process + ".json"))
        .filter(ProcessIdentity::alive)
        .map(ProcessIdentity::pid)
        .orElseThrow(() -> new IOException("no live " + process + " recorded under " + home));
  }

  String kafka() {
    return layout().kafka();
  }

  String provisioner() {
    return layout().url(PlatformService.PROVISIONER);
  }

  String observability() {
    return layout().url(PlatformService.OBSERVABILITY);
  }

  String guard() {
    return layout().url(PlatformService.ROLLOUT_GUARD);
  }

  String reconciler() {
    return layout().url(PlatformService.RECONCILER);
  }

  String token() throws IOException {
    return Files.readString(home.resolve("token")).trim();
  }

  private static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(List.of(rest));
    return all;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * A free port below the kernel's ephemeral range (32768+). A port the kernel hands out for {@code
   * bind(0)} can be handed again to the next service instance the reconciler starts, or to an
   * outgoing connection, in the seconds before {@code ./runway} binds it; CI lost a run to exactly
   * that.
   */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20000 + RANDOM.nextInt(12000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        if (TAKEN.add(port)) {
          return socket.getLocalPort();
        }
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IOException("no free port found in 20000-31999");
  }
}
