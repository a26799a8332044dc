package dev.runway.provisioner.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryKeyTest {

  @Test
  void shouldPreferTheIdempotencyKeyThatGitLabKeepsAcrossRetries() {
    Map<String, String> headers =
        Map.of(
            "Idempotency-Key", "f1f5", "X-Gitlab-Event-UUID", "e-1", "X-Gitlab-Webhook-UUID", "w");

    assertThat(DeliveryKey.of(headers::get, "{}")).isEqualTo("idempotency-key:f1f5");
  }

  @Test
  void shouldFallBackToTheEventUuidNotTheHooksOwnUuid() {
    Map<String, String> first = Map.of("X-Gitlab-Event-UUID", "e-1", "X-Gitlab-Webhook-UUID", "w");
    Map<String, String> second = Map.of("X-Gitlab-Event-UUID", "e-2", "X-Gitlab-Webhook-UUID", "w");

    assertThat(DeliveryKey.of(first::get, "{}")).isEqualTo("event-uuid:e-1");
    assertThat(DeliveryKey.of(second::get, "{}")).isNotEqualTo(DeliveryKey.of(first::get, "{}"));
  }

  @Test
  void shouldHashTheBodyWhenNoHeaderIdentifiesTheDelivery() {
    Map<String, String> none = Map.of();

    assertThat(DeliveryKey.of(none::get, "{\"a\":1}"))
        .startsWith("sha256:")
        .isEqualTo(DeliveryKey.of(none::get, "{\"a\":1}"))
        .isNotEqualTo(DeliveryKey.of(none::get, "{\"a\":2}"));
  }
}
