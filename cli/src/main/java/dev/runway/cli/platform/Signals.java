package dev.runway.cli.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waiting for processes told to stop, and insisting on those that do not. */
final class Signals {
  private Signals() {}

  /**
   * Asks each to stop (SIGTERM), waits up to {@code grace} for all of them, and kills (SIGKILL) any
   * still alive; returns how many were asked.
   */
  static int stop(List<ProcessHandle> processes, Duration grace) {
    List<ProcessHandle> asked = processes.stream().filter(ProcessHandle::destroy).toList();
    awaitExit(asked, grace);
    return asked.size();
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
