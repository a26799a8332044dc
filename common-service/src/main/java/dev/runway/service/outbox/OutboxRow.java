package dev.runway.service.outbox;

import dev.runway.common.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** An unsent outbox row as the relay reads it, and the Kafka record it becomes. */
record OutboxRow(
    long id,
    String topic,
    String key,
    String ceId,
    String ceType,
    String ceSource,
    OffsetDateTime ceTime,
    String ceSubject,
    byte[] payload,
    String traceparent,
    String tracestate) {

  ProducerRecord<String, byte[]> toRecord() {
    Map<String, String> headers =
        new LinkedHashMap<>(CloudEventHeaders.of(ceId, ceSource, ceType, ceTime, ceSubject));
    if (traceparent != null) {
      headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
    }
    if (tracestate != null) {
      headers.put(CloudEventHeaders.TRACESTATE, tracestate);
    }
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(StandardCharsets.UTF_8)));
    return new ProducerRecord<>(topic, null, key, payload, recordHeaders);
  }
}
