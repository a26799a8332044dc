package dev.runway.e2e;

import dev.runway.common.json.WireJson;
import dev.runway.common.process.LocalProcessRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** What the kernel holds as a live process's environment: {@code /proc/<pid>/environ}. */
final class Environ {
  private Environ() {}

  static Map<String, String> of(long pid) throws IOException {
    Map<String, String> environ = new TreeMap<>();
    for (String entry : Files.readString(Path.of("/proc/" + pid + "/environ")).split("\u0000")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        environ.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return environ;
  }

  /** The pid of a revision the local runtime runs, from the record it keeps of it. */
  static long revisionPid(
      Launcher launcher, String service, String environment, String region, String revision)
      throws IOException {
    Path record =
        launcher
            .layout()
            .runtime()
            .resolve(service)
            .resolve(environment)
            .resolve(region)
            .resolve(revision + ".json");
    return WireJson.mapper().readValue(record.toFile(), LocalProcessRecord.class).process().pid();
  }
}
