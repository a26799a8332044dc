package dev.runway.cli.platform;

import dev.runway.common.process.ProcessIdentity;
import dev.runway.common.process.Signals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code runwayctl down}: a running supervisor is asked to stop its platform in order (SIGTERM);
 * whatever is left behind (its supervisor was killed hard, say) is stopped from the records, each
 * process signalled only while it is still the one recorded.
 */
public final class PlatformDown {
  private PlatformDown() {}

  /** Returns whether there was anything to stop. */
  public static boolean run(PlatformLayout layout, PrintStream out)
      throws IOException, InterruptedException {
    boolean any = false;
    Optional<ProcessHandle> supervisor =
        ProcessRecordFile.read(layout.supervisorRecord()).flatMap(ProcessIdentity::handle);
    if (supervisor.isPresent()) {
      any = true;
      Signals.stop(List.of(supervisor.get()), Duration.ofSeconds(60));
    }
    Files.deleteIfExists(layout.supervisorRecord());
    List<ProcessHandle> services = new ArrayList<>();
    List<ProcessHandle> infrastructure = new ArrayList<>();
    for (Path record : records(layout.pids())) {
      String name = record.getFileName().toString().replaceFirst("\\.json$", "");
      Optional<ProcessHandle> process =
          ProcessRecordFile.read(record).flatMap(ProcessIdentity::handle);
      if (process.isPresent()) {
        any = true;
        boolean infra = name.equals(LocalPlatform.KAFKA) || name.equals(LocalPlatform.POSTGRES);
        (infra ? infrastructure : services).add(process.get());
      }
    }
    Signals.stop(services, Duration.ofSeconds(10));
    Signals.stop(infrastructure, Duration.ofSeconds(10));
    for (Path record : records(layout.pids())) {
      Files.deleteIfExists(record);
    }
    int revisions = Workloads.stopAll(layout.runtime());
    if (revisions > 0) {
      out.println("runway: stopped " + revisions + " revision process(es)");
    }
    return any || revisions > 0;
  }

  private static List<Path> records(Path pids) throws IOException {
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    }
  }
}
