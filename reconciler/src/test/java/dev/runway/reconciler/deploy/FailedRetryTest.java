package dev.runway.reconciler.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedRetryTest {

  private final FailedRetry retry = new FailedRetry(Duration.ofSeconds(30), Duration.ofMinutes(10));
  private final Instant failedAt = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void theBackoffDoublesWithEachFailureInARowUpToTheMaximum() {
    assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(retry.backoff(5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(retry.backoff(6)).isEqualTo(Duration.ofMinutes(10));
    assertThat(retry.backoff(1000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aRegionIsDueOnlyOnceItsBackoffHasPassed() {
    assertThat(retry.due(2, failedAt, failedAt.plusSeconds(59))).isFalse();
    assertThat(retry.due(2, failedAt, failedAt.plusSeconds(60))).isTrue();
    assertThat(retry.due(0, failedAt, failedAt.plusSeconds(3600)))
        .as("a region that never failed is not retried")
        .isFalse();
  }

  @Test
  void aBackoffThatCannotWorkIsRefused() {
    assertThatThrownBy(() -> new FailedRetry(Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessageContaining("runway.reconciler.failed-retry");
    assertThatThrownBy(() -> new FailedRetry(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessageContaining("failed-retry-max");
  }
}
