package dev.runway.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.PoisonEvent;
import dev.runway.common.schema.ValidationFailed;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ConsumerFailuresTest {

  @Test
  void shouldSetAsidePoisonOnly() {
    assertThat(ConsumerFailures.poison(new PoisonEvent(PoisonEvent.Reason.INVALID_DATA, "x")))
        .isTrue();
    assertThat(ConsumerFailures.poison(new IllegalArgumentException("region is required")))
        .isTrue();
    assertThat(ConsumerFailures.poison(new ValidationFailed(List.of()))).isTrue();
  }

  @Test
  void shouldWaitOutTheWorld() {
    assertThat(ConsumerFailures.poison(new ConnectException("Connection refused"))).isFalse();
    assertThat(ConsumerFailures.poison(new TimeoutException("lock timeout"))).isFalse();
    assertThat(
            ConsumerFailures.poison(
                new PgException("the database system is shutting down", "FATAL", "57P03", null)))
        .isFalse();
    assertThat(ConsumerFailures.poison(new IllegalStateException("a bug, loudly retried")))
        .isFalse();
  }

  @Test
  void shouldKnowWhichChannelsAreRetryingUntilTheyPass() {
    ConsumerFailures failures = new ConsumerFailures();
    failures.failing("reconciler/runway.manifests-0", new ConnectException("refused"));
    failures.failing("reconciler/runway.manifests-0", new ConnectException("refused again"));
    failures.failing("reconciler/runway.rollouts-1", new ConnectException("refused"));

    assertThat(failures.retrying()).hasSize(2);
    assertThat(failures.retrying("reconciler/runway.manifests-0").get().why())
        .isEqualTo("java.net.ConnectException: refused");
    failures.passed("reconciler/runway.manifests-0");
    assertThat(failures.retrying()).containsOnlyKeys("reconciler/runway.rollouts-1");
  }
}
