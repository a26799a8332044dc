package dev.runway.reconciler.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.runway.common.json.WireJson;
import dev.runway.common.manifest.Environment;
import dev.runway.common.process.LocalProcessRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The local runtime's memory on disk: per placement, under {@code
 * <state>/<service>/<environment>/<region>/}, a {@code <revision>.json} per process and the
 * region's {@code traffic.json}. Every file is written aside and renamed, so a reader (a restarted
 * reconciler, {@code ./runway down}) never sees half of one.
 */
final class ProcessRecords {

  private static final Logger LOG = Logger.getLogger(ProcessRecords.class);
  private static final TypeReference<Map<String, Integer>> WEIGHTS = new TypeReference<>() {};
  private static final String TRAFFIC = LocalProcessRecord.TRAFFIC_FILE;

  private final Path state;

  ProcessRecords(Path state) {
    this.state = state;
  }

  Path dir(Placement placement) {
    return state
        .resolve(placement.service())
        .resolve(placement.environment().wire())
        .resolve(placement.region());
  }

  Path log(Placement placement, String revision) {
    return dir(placement).resolve(revision + ".log");
  }

  /** The record of a revision's process, or null when there is none (or it cannot be read). */
  LocalProcessRecord read(Placement placement, String revision) {
    Path file = dir(placement).resolve(revision + ".json");
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return WireJson.mapper().readValue(file.toFile(), LocalProcessRecord.class);
    } catch (IOException e) {
      LOG.warnf("Ignoring unreadable process record %s: %s", file, e.getMessage());
      return null;
    }
  }

  void write(Placement placement, LocalProcessRecord record) throws IOException {
    Files.createDirectories(dir(placement));
    WireJson.writeAtomically(dir(placement).resolve(record.revision() + ".json"), record);
  }

  void delete(Placement placement, String revision) {
    try {
      Files.deleteIfExists(dir(placement).resolve(revision + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every process recorded for a placement, in no particular order. */
  List<LocalProcessRecord> all(Placement placement) {
    Path dir = dir(placement);
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<LocalProcessRecord> records = new ArrayList<>();
      for (Path file :
          files
              .filter(
                  f ->
                      f.toString().endsWith(".json") && !f.getFileName().toString().equals(TRAFFIC))
              .toList()) {
        String name = file.getFileName().toString();
        LocalProcessRecord record = read(placement, name.substring(0, name.length() - 5));
        if (record != null) {
          records.add(record);
        }
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Integer> traffic(Placement placement) {
    Path file = dir(placement).resolve(TRAFFIC);
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      return WireJson.mapper().readValue(file.toFile(), WEIGHTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeTraffic(Placement placement, Map<String, Integer> weights) throws IOException {
    Files.createDirectories(dir(placement));
    WireJson.writeAtomically(dir(placement).resolve(TRAFFIC), weights);
  }

  void deleteTraffic(Placement placement) {
    try {
      Files.deleteIfExists(dir(placement).resolve(TRAFFIC));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every placement with a directory on disk; names that are not an environment are skipped. */
  List<Placement> placements() {
    if (!Files.isDirectory(state)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.walk(state, 3)) {
      return dirs.filter(d -> state.relativize(d).getNameCount() == 3)
          .filter(Files::isDirectory)
          .flatMap(
              d ->
                  Environment.named(d.getParent().getFileName().toString())
                      .map(
                          environment ->
                              new Placement(
                                  d.getParent().getParent().getFileName().toString(),
                                  environment,
                                  d.getFileName().toString()))
                      .stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
