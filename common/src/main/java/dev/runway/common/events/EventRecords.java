package dev.runway.common.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents in Kafka's binary mode: the envelope as headers, the event as the value. */
public final class EventRecords {

  private EventRecords() {}

  /** The record for an event: its type's topic, keyed by its service. */
  public static ProducerRecord<String, byte[]> of(EventEnvelope envelope) {
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.of(envelope)
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    return new ProducerRecord<>(
        EventTypes.of(envelope.data()).topic(),
        null,
        envelope.subject(),
        EventCodec.encode(envelope.data()),
        headers);
  }
}
