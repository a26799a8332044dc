package dev.runway.common.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Waiting for processes told to stop, and insisting on those that do not. */
public final class Signals {
  private Signals() {}

  /**
   * Asks each to stop (SIGTERM), waits up to {@code grace} for all of them, and kills (SIGKILL) any
   * still alive; returns how many were asked.
   */
  public static int stop(List<ProcessHandle> processes, Duration grace) {
    List<ProcessHandle> asked = processes.stream().filter(ProcessHandle::destroy).toList();
    awaitExit(asked, grace);
    return asked.size();
  }

  /**
   * As {@link #stop}, each process with everything it started: a revision's command may be a shell
   * that forks its server, or a server that forks workers, and stopping only the pid Runway started
   * would leave those running with its port and memory. The tree is read before the first signal,
   * since children are reparented once their parent exits; a daemon that detached itself before
   * then is out of reach. Returns how many roots were asked.
   */
  public static int stopTrees(List<ProcessHandle> roots, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    for (ProcessHandle root : roots) {
      root.descendants().forEach(tree::add);
    }
    int asked = stop(roots, grace);
    stop(tree.stream().filter(ProcessHandle::isAlive).toList(), grace);
    return asked;
  }

  /** Waits up to {@code grace} for all of them to exit; kills (SIGKILL) any still alive. */
  private static void awaitExit(List<ProcessHandle> processes, Duration grace) {
    Instant deadline = Instant.now().plus(grace);
    for (ProcessHandle process : processes) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      try {
        if (left > 0) {
          process.onExit().get(left, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
      } catch (java.util.concurrent.TimeoutException late) {
        // killed below
      } catch (java.util.concurrent.ExecutionException impossible) {
        // onExit never fails
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
