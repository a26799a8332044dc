package dev.runway.common.process;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as the kernel knows it: its pid and when it started. Pids are reused, so a recorded pid
 * alone may name a stranger by the time someone reads it; together with the start time it names one
 * process for good. Every record of a process Runway starts (a platform service, a revision) keeps
 * both, and nothing signals a pid whose start time differs.
 *
 * @param startedAt the start time the kernel reports for the pid; null only for a record written by
 *     an older Runway, which is then never trusted with a signal
 */
public record ProcessIdentity(long pid, Instant startedAt) {

  /** The identity of a live process, as it is now. */
  public static ProcessIdentity of(ProcessHandle process) {
    return new ProcessIdentity(process.pid(), process.info().startInstant().orElse(null));
  }

  /** The identity of a process just started. */
  public static ProcessIdentity of(Process process) {
    return of(process.toHandle());
  }

  /** The process, while it lives and is still the one recorded; empty otherwise. */
  public Optional<ProcessHandle> handle() {
    if (startedAt == null) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().startInstant().map(startedAt::equals).orElse(false));
  }

  public boolean alive() {
    return handle().isPresent();
  }
}
