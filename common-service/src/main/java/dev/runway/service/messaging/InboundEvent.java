package dev.runway.service.messaging;

import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.RunwayEvent;
import io.opentelemetry.context.Context;

/**
 * An event being handled, with the trace context it arrived in; pass {@link #trace()} to {@code
 * Outbox.add} so that what it causes joins the same trace.
 */
public record InboundEvent(EventEnvelope envelope, Context trace) {

  public RunwayEvent data() {
    return envelope.data();
  }
}
