package dev.runway.reconciler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrashLoopTest {

  private final CrashLoop loop =
      new CrashLoop(
          new FailedRetry(Duration.ofSeconds(30), Duration.ofMinutes(10)), Duration.ofMinutes(10));
  private final Instant restartedAt = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void aFirstDeathIsAnsweredAtOnce() {
    assertThat(loop.recent(0, null, restartedAt)).isZero();
    assertThat(loop.due(0, null, restartedAt)).isTrue();
  }

  @Test
  void aRevisionThatDiesAgainSoonAfterARestartWaitsLongerEachTime() {
    Instant now = restartedAt.plusSeconds(45);
    assertThat(loop.recent(1, restartedAt, now)).isEqualTo(1);
    assertThat(loop.due(1, restartedAt, restartedAt.plusSeconds(29))).isFalse();
    assertThat(loop.due(1, restartedAt, restartedAt.plusSeconds(30))).isTrue();
    assertThat(loop.due(3, restartedAt, restartedAt.plusSeconds(119))).isFalse();
    assertThat(loop.due(3, restartedAt, restartedAt.plusSeconds(120))).isTrue();
    assertThat(loop.next(3)).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void aRevisionThatRanLongerThanTheResetStartsTheCountAgain() {
    Instant now = restartedAt.plus(Duration.ofMinutes(10)).plusSeconds(1);
    assertThat(loop.recent(7, restartedAt, now)).isZero();
    assertThat(loop.due(loop.recent(7, restartedAt, now), restartedAt, now)).isTrue();
  }
}
