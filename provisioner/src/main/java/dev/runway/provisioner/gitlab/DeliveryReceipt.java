package dev.runway.provisioner.gitlab;

/**
 * The answer to a GitLab delivery: its key and whether it was new.
 *
 * @param delivery the delivery's key (GitLab's idempotency key, or a hash of the body)
 * @param status {@code accepted} when recorded now, {@code duplicate} when recorded before
 */
public record DeliveryReceipt(String delivery, String status) {}
