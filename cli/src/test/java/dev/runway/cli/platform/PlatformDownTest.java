package dev.runway.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.json.WireJson;
import dev.runway.common.process.LocalProcessRecord;
import dev.runway.common.process.ProcessIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformDownTest {

  @TempDir Path home;

  private PlatformLayout layout() {
    return PlatformLayout.from(Map.of("RUNWAY_HOME", home.toString()));
  }

  @Test
  void shouldStopARecordedProcessThatIsStillTheOneRecorded() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    Files.createDirectories(layout().pids());
    ProcessRecordFile.write(
        layout().pids().resolve("provisioner.json"), ProcessIdentity.of(sleeper));

    boolean stopped = PlatformDown.run(layout(), quiet());

    assertThat(stopped).isTrue();
    assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(layout().pids().resolve("provisioner.json")).doesNotExist();
  }

  @Test
  void shouldNeverSignalAPidThatNowBelongsToAnotherProcess() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      // The record's process is gone and its pid was handed to a stranger: same pid, other start.
      Files.createDirectories(layout().pids());
      ProcessRecordFile.write(
          layout().pids().resolve("reconciler.json"),
          new ProcessIdentity(stranger.pid(), Instant.parse("2020-01-01T00:00:00Z")));

      boolean stopped = PlatformDown.run(layout(), quiet());

      assertThat(stopped).isFalse();
      assertThat(stranger.isAlive()).isTrue();
      assertThat(layout().pids().resolve("reconciler.json")).doesNotExist();
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void shouldStopTheRevisionsTheLocalRuntimeRecordedAndLeaveTheTrafficSplit() throws Exception {
    Process revision = new ProcessBuilder("sleep", "60").start();
    Path placement = layout().runtime().resolve("svc/staging/europe-west1");
    Files.createDirectories(placement);
    WireJson.writeAtomically(
        placement.resolve("svc-staging-00001.json"),
        new LocalProcessRecord(
            "svc-staging-00001", ProcessIdentity.of(revision), 40001, "/healthz", null));
    WireJson.writeAtomically(
        placement.resolve(LocalProcessRecord.TRAFFIC_FILE), Map.of("svc-staging-00001", 100));

    assertThat(PlatformDown.run(layout(), quiet())).isTrue();

    assertThat(revision.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(placement.resolve("svc-staging-00001.json")).doesNotExist();
    assertThat(placement.resolve(LocalProcessRecord.TRAFFIC_FILE)).exists();
  }

  @Test
  void shouldSayThereIsNothingToStopOnAnEmptyHome() throws Exception {
    assertThat(PlatformDown.run(layout(), quiet())).isFalse();
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
