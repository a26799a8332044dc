package dev.runway.cli.platform;

import dev.runway.common.json.WireJson;
import dev.runway.common.process.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One process's identity on disk: written atomically, read back for a signal or a wait. */
public final class ProcessRecordFile {
  private ProcessRecordFile() {}

  static void write(Path file, ProcessIdentity identity) throws IOException {
    WireJson.writeAtomically(file, identity);
  }

  /** The recorded identity; empty when there is no record or it cannot be read. */
  public static Optional<ProcessIdentity> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(WireJson.mapper().readValue(file.toFile(), ProcessIdentity.class));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }
}
