package dev.runway.common.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A CloudEvent 1.0 as Runway carries it: the context attributes plus the event record as data.
 *
 * @param id {@code ce_id}, unique per event; consumers deduplicate on it
 * @param source {@code ce_source}, the producing service ({@code /runway/provisioner})
 * @param type {@code ce_type}, {@code runway.<EventName>.v<N>}
 * @param time {@code ce_time}
 * @param subject {@code ce_subject}, the service the event is about
 * @param data the payload
 */
public record EventEnvelope(
    String id, String source, String type, OffsetDateTime time, String subject, RunwayEvent data) {

  /** A new envelope for an event produced now by {@code source}. */
  public static EventEnvelope wrap(String source, RunwayEvent event, Clock clock) {
    return new EventEnvelope(
        UUID.randomUUID().toString(),
        source,
        EventTypes.of(event).ceType(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
        event.service(),
        event);
  }

  /** The event type this envelope carries. */
  public EventType<?> eventType() {
    return EventTypes.of(data);
  }
}
