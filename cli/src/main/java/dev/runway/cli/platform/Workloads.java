package dev.runway.cli.platform;

import dev.runway.common.json.WireJson;
import dev.runway.common.process.LocalProcessRecord;
import dev.runway.common.process.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The revisions the reconciler's local runtime started, found by their records. They outlive a
 * reconciler restart on purpose (it adopts them); stopping the platform stops them too.
 */
final class Workloads {
  private Workloads() {}

  /** Every revision recorded under {@code runtime}, whether or not it still runs. */
  static List<Path> records(Path runtime) throws IOException {
    if (!Files.isDirectory(runtime)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(runtime)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().equals(LocalProcessRecord.TRAFFIC_FILE))
          .toList();
    }
  }

  /** The readable records under {@code dir}: a placement's, or all of them. */
  static List<LocalProcessRecord> under(Path dir) throws IOException {
    List<LocalProcessRecord> all = new ArrayList<>();
    for (Path file : records(dir)) {
      try {
        all.add(read(file));
      } catch (IOException unreadable) {
        // being rewritten, or left half-written by a crash: not a process to act on
      }
    }
    return all;
  }

  static LocalProcessRecord read(Path file) throws IOException {
    return WireJson.mapper().readValue(file.toFile(), LocalProcessRecord.class);
  }

  /** Stops every recorded revision still running as recorded; returns how many it stopped. */
  static int stopAll(Path runtime) throws IOException {
    List<ProcessHandle> running = new ArrayList<>();
    for (Path file : records(runtime)) {
      try {
        read(file).process().handle().ifPresent(running::add);
      } catch (IOException unreadable) {
        // a record half-written by a crash names no process we could trust with a signal
      }
      Files.deleteIfExists(file);
    }
    return Signals.stopTrees(running, java.time.Duration.ofSeconds(5));
  }
}
