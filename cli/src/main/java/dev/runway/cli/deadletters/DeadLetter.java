package dev.runway.cli.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record on runway.dead-letter, as the consumers' dead-letter queue wrote it: the original key,
 * value and headers, plus {@code dead-letter-*} headers saying where it came from and why.
 *
 * @param id {@code <partition>:<offset>} on runway.dead-letter, what {@code replay} takes
 * @param at when it was dead-lettered
 * @param topic the topic it was read from
 * @param origin its partition and offset there
 * @param type its {@code ce_type}; empty when it had none
 * @param eventId its {@code ce_id}; empty when it had none
 * @param reason why the consumer gave up on it
 */
public record DeadLetter(
    String id,
    Instant at,
    String topic,
    String origin,
    String type,
    String eventId,
    String reason) {

  /** The header prefix the dead-letter queue adds; everything else is the original record's. */
  static final String PREFIX = "dead-letter-";

  static DeadLetter of(ConsumerRecord<String, byte[]> record) {
    return new DeadLetter(
        record.partition() + ":" + record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        header(record, PREFIX + "topic"),
        header(record, PREFIX + "partition") + ":" + header(record, PREFIX + "offset"),
        header(record, "ce_type"),
        header(record, "ce_id"),
        header(record, PREFIX + "reason"));
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? ""
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
