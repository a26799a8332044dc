package dev.runway.common.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {

  @Test
  void shouldFindALiveProcessByItsPidAndStartTime() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessIdentity identity = ProcessIdentity.of(sleeper);

      assertThat(identity.startedAt()).isNotNull();
      assertThat(identity.handle()).map(ProcessHandle::pid).contains(sleeper.pid());
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void shouldNotTrustAPidWhoseStartTimeDiffers() {
    ProcessIdentity reused =
        new ProcessIdentity(ProcessHandle.current().pid(), Instant.parse("2020-01-01T00:00:00Z"));

    assertThat(reused.handle()).isEmpty();
    assertThat(reused.alive()).isFalse();
  }

  @Test
  void shouldNotTrustARecordWithoutAStartTime() {
    assertThat(new ProcessIdentity(ProcessHandle.current().pid(), null).handle()).isEmpty();
  }

  @Test
  void shouldForgetAProcessThatExited() throws Exception {
    Process done = new ProcessBuilder("true").start();
    ProcessIdentity identity = ProcessIdentity.of(done);
    done.waitFor(5, TimeUnit.SECONDS);

    assertThat(identity.alive()).isFalse();
  }
}
