package dev.runway.reconciler.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Revision processes this runtime started and never recorded: a reconciler killed between starting
 * a process and writing its record leaves one running, on a port nobody routes to, and would start
 * a second beside it. Each revision's environment names its runtime (the state directory), so such
 * a process is found by what the kernel holds for it ({@code /proc/<pid>/environ}), whatever its
 * command, and another Runway's processes on the same machine are left alone.
 */
final class Orphans {

  /** The variable every revision process gets: the absolute state directory of its runtime. */
  static final String OWNER = "RUNWAY_LOCAL_RUNTIME";

  private final String owner;

  Orphans(Path state) {
    this.owner = state.toAbsolutePath().normalize().toString();
  }

  /** Marks a process about to start as this runtime's. */
  void mark(Map<String, String> environment) {
    environment.put(OWNER, owner);
  }

  /** The live processes of {@code revision} in {@code placement} that this runtime started. */
  List<ProcessHandle> of(Placement placement, String revision) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> belongs(environ(p.pid()), placement, revision))
        .toList();
  }

  private boolean belongs(Map<String, String> env, Placement placement, String revision) {
    return owner.equals(env.get(OWNER))
        && placement.service().equals(env.get("RUNWAY_SERVICE"))
        && placement.environment().wire().equals(env.get("RUNWAY_ENVIRONMENT"))
        && placement.region().equals(env.get("RUNWAY_REGION"))
        && revision.equals(env.get("RUNWAY_REVISION"));
  }

  /** A process's environment as the kernel holds it; empty when it is not ours to read. */
  static Map<String, String> environ(long pid) {
    Map<String, String> env = new HashMap<>();
    try {
      String raw =
          new String(
              Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
      for (String entry : raw.split("\u0000")) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
    } catch (IOException | SecurityException gone) {
      // exited meanwhile, another user's, or no /proc: not one of ours to find
    }
    return env;
  }
}
