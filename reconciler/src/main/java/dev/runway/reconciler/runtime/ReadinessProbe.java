package dev.runway.reconciler.runtime;

import dev.runway.common.process.LocalProcessRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a revision's process answers 2xx on its readiness path, and waiting for it to within a
 * deadline; a process that exits or never answers fails the deploy with its last words.
 */
final class ReadinessProbe {

  private final Duration timeout;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  ReadinessProbe(Duration timeout) {
    this.timeout = timeout;
  }

  boolean ready(LocalProcessRecord record) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(record.url() + record.readinessPath()))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Returns once ready; a process not ready in time is killed and the deploy fails. */
  void await(Placement placement, LocalProcessRecord record, Path log) throws DeployFailed {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!record.alive()) {
        throw new DeployFailed(
            record.revision()
                + " exited before it was ready in "
                + placement.region()
                + "; last output: "
                + tail(log));
      }
      if (ready(record)) {
        return;
      }
      pause();
    }
    record.process().handle().ifPresent(ProcessHandle::destroyForcibly);
    throw new DeployFailed(
        record.revision()
            + " was not ready within "
            + timeout.toSeconds()
            + "s: GET "
            + record.readinessPath()
            + " never answered 2xx; last output: "
            + tail(log));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return lines.isEmpty()
          ? "(none)"
          : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Between probes: a process needs tens of milliseconds to bind its port. */
  private static void pause() throws DeployFailed {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployFailed("interrupted while waiting for readiness", e);
    }
  }
}
