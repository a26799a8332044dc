package dev.runway.provisioner.gitlab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * What makes two deliveries the same: GitLab's {@code Idempotency-Key} (kept across its retries),
 * else the event's {@code X-Gitlab-Event-UUID}, else a hash of the body. Not {@code
 * X-Gitlab-Webhook-UUID}: that names the hook, so it is the same for every event the hook sends.
 */
final class DeliveryKey {

  private DeliveryKey() {}

  /**
   * @param header a request header by name, or null when absent
   */
  static String of(UnaryOperator<String> header, String body) {
    String idempotencyKey = header.apply("Idempotency-Key");
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      return "idempotency-key:" + idempotencyKey.strip();
    }
    String eventUuid = header.apply("X-Gitlab-Event-UUID");
    if (eventUuid != null && !eventUuid.isBlank()) {
      return "event-uuid:" + eventUuid.strip();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
