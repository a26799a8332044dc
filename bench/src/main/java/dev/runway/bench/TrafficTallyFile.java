package dev.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.json.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tally {@code runwayctl traffic --out} rewrites once a second: what the clients saw so far.
 */
final class TrafficTallyFile {

  private final Path file;

  TrafficTallyFile(Path file) {
    this.file = file;
  }

  /**
   * The tally as first written after {@code atMs}, so answers in flight at that time are in it;
   * fails after 30 s without a write (the traffic is not running).
   */
  JsonNode writtenAfter(long atMs) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() <= atMs) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the traffic tally at " + file + " is not being written");
      }
      Thread.sleep(200);
    }
    return WireJson.mapper().readTree(Files.readString(file));
  }

  /** Requests that failed (an error status or no answer) up to a write after {@code atMs}. */
  long failedAfter(long atMs) throws Exception {
    return writtenAfter(atMs).path("failed").asLong();
  }
}
