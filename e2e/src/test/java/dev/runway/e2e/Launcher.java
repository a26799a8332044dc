package dev.runway.e2e;

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

/** Runs {@code ./runway} from the repository root with its own state directory and free ports. */
final class Launcher {

  private static final java.util.Random RANDOM = new java.util.Random();
  // Ports handed out in this JVM, never handed twice: a platform being stopped may still hold one.
  private static final java.util.Set<Integer> TAKEN =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  final Path root;
  final Path home;
  final Map<String, String> env = new HashMap<>();

  Launcher(String name) throws IOException {
    String property = System.getProperty("repo.root");
    root = property == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(property);
    home = root.resolve("e2e/target/" + name);
    deleteRecursively(home); // every test starts from an empty platform
    env.put("RUNWAY_HOME", home.toString());
    env.put("RUNWAY_KAFKA_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_DB_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_PROVISIONER_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_RECONCILER_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_ROUTER_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_OBSERVABILITY_PORT", String.valueOf(freePort()));
    env.put("RUNWAY_GUARD_PORT", String.valueOf(freePort()));
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

  /**
   * Kills one of the platform's services (SIGKILL) and returns once {@code ./runway up}, its
   * supervisor, has started it again and it is ready.
   */
  void killAndAwaitRestart(String process, Duration timeout)
      throws IOException, InterruptedException {
    long killed = pid(process);
    new ProcessBuilder("kill", "-9", String.valueOf(killed)).start().waitFor();
    awaitRestart(process, killed, timeout);
  }

  void awaitRestart(String process, long killed, Duration timeout) {
    Path log = home.resolve("up.log");
    org.awaitility.Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> pid(process) != killed && Files.readString(log).contains(process + " is back"));
  }

  /** Stops a platform started by {@link #up}, as Ctrl-C would. */
  void stop(Process up) throws InterruptedException {
    up.destroy();
    if (!up.waitFor(60, TimeUnit.SECONDS)) {
      up.destroyForcibly();
    }
  }

  /** The pid ./runway recorded for one of its processes. */
  long pid(String process) throws IOException {
    return Long.parseLong(Files.readString(home.resolve("pids/" + process + ".pid")).trim());
  }

  String kafka() {
    return "127.0.0.1:" + env.get("RUNWAY_KAFKA_PORT");
  }

  String provisioner() {
    return "http://127.0.0.1:" + env.get("RUNWAY_PROVISIONER_PORT");
  }

  String observability() {
    return "http://127.0.0.1:" + env.get("RUNWAY_OBSERVABILITY_PORT");
  }

  String guard() {
    return "http://127.0.0.1:" + env.get("RUNWAY_GUARD_PORT");
  }

  String reconciler() {
    return "http://127.0.0.1:" + env.get("RUNWAY_RECONCILER_PORT");
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
