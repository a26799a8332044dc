package dev.runway.service.outbox;

import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.EventTypes;
import dev.runway.common.events.RunwayEvent;
import dev.runway.service.config.RunwayConfig;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Records events in the current Hibernate Reactive transaction. They reach Kafka only if that
 * transaction commits, and then exactly in the order they were added.
 */
@ApplicationScoped
public class Outbox {

  private final RunwayConfig config;
  private final Clock clock;

  public Outbox(RunwayConfig config) {
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  /** Adds an event caused by whatever is current (an HTTP request's span, for example). */
  public Uni<EventEnvelope> add(RunwayEvent event) {
    return add(event, Context.current());
  }

  /** Adds an event caused by the given trace context (the event being handled). */
  public Uni<EventEnvelope> add(RunwayEvent event, Context cause) {
    EventEnvelope envelope = EventEnvelope.wrap(config.source(), event, clock);
    OutboxMessage row = new OutboxMessage();
    row.topic = EventTypes.of(event).topic();
    row.recordKey = event.service();
    row.event = CloudEventColumns.of(envelope);
    row.ceSubject = envelope.subject();
    row.payload = EventCodec.encode(event);
    int limit = config.outbox().maxEventBytes();
    if (row.payload.length > limit) {
      return Uni.createFrom()
          .failure(new EventTooLarge(envelope.type(), row.payload.length, limit));
    }
    Map<String, String> trace = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(cause, trace, Map::put);
    row.traceparent = trace.get(CloudEventHeaders.TRACEPARENT);
    row.tracestate = trace.get(CloudEventHeaders.TRACESTATE);
    return row.persist().replaceWith(envelope);
  }
}
