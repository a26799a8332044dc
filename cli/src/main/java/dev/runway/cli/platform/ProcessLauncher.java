package dev.runway.cli.platform;

import dev.runway.common.process.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the platform's processes: each in its own session (so a Ctrl-C at the terminal reaches the
 * supervisor alone, which then stops them in order), its output appended to {@code logs/<name>.log}
 * (a restarted process keeps its predecessor's last words above its own), and its identity recorded
 * before anyone can ask for it.
 */
final class ProcessLauncher {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final PlatformLayout layout;
  private final Map<String, String> environment;

  ProcessLauncher(PlatformLayout layout, Map<String, String> environment) {
    this.layout = layout;
    this.environment = Map.copyOf(environment);
  }

  /** The JVM this one runs on, for every Java process of the platform. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** One started process and where its output goes. */
  record Child(String name, Process process, ProcessIdentity identity, Path log, long logStart) {

    /** Whether the process has written {@code text} to its log since it started. */
    boolean logged(String text) {
      try {
        String log = Files.readString(this.log);
        return log.indexOf(text, (int) Math.min(logStart, log.length())) >= 0;
      } catch (IOException unreadable) {
        return false;
      }
    }
  }

  Child start(String name, List<String> command, Map<String, String> extra) throws IOException {
    Files.createDirectories(layout.logs());
    Files.createDirectories(layout.pids());
    Path log = layout.logs().resolve(name + ".log");
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    List<String> line = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      line.add(SETSID.toString()); // execs the command in place: the pid stays the command's
    }
    line.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(layout.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(extra);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    ProcessIdentity identity = ProcessIdentity.of(process);
    ProcessRecordFile.write(layout.pids().resolve(name + ".json"), identity);
    return new Child(name, process, identity, log, logStart);
  }

  /** Runs a one-off command to its end (formatting storage, say); fails with its log's name. */
  void runToEnd(String name, List<String> command) throws IOException, PlatformFailure {
    Child child = start(name, command, Map.of());
    try {
      boolean ended = child.process().waitFor(120, TimeUnit.SECONDS);
      if (!ended || child.process().exitValue() != 0) {
        child.process().destroyForcibly();
        throw new PlatformFailure(name + " failed; see " + child.log());
      }
    } catch (InterruptedException e) {
      child.process().destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PlatformFailure(name + " was interrupted");
    } finally {
      Files.deleteIfExists(layout.pids().resolve(name + ".json"));
    }
  }
}
