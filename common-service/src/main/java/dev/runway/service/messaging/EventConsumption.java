package dev.runway.service.messaging;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.PoisonEvent;
import dev.runway.service.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way a Runway service consumes an event: decode the CloudEvent, handle it at most once
 * (inbox and effect in one transaction), and acknowledge only after the commit. A poison record is
 * nacked, which the channel's {@code failure-strategy=dead-letter-queue} sends to
 * runway.dead-letter with the reason; a transient failure is retried with backoff first.
 */
@ApplicationScoped
public class EventConsumption {

  private static final Logger LOG = Logger.getLogger(EventConsumption.class);

  private final Inbox inbox;
  private final Tracer tracer;
  private final MeterRegistry registry;

  public EventConsumption(Inbox inbox, Tracer tracer, MeterRegistry registry) {
    this.inbox = inbox;
    this.tracer = tracer;
    this.registry = registry;
  }

  /**
   * Handles one Kafka message as {@code consumer}; {@code handler} runs inside the transaction.
   * Return {@code Uni.createFrom().voidItem()} from it for events this consumer does not act on.
   */
  public Uni<Void> consume(
      String consumer, Message<byte[]> message, Function<InboundEvent, Uni<Void>> handler) {
    Headers headers =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(m -> m.getHeaders())
            .orElseGet(RecordHeaders::new);
    EventEnvelope envelope;
    try {
      envelope = EventCodec.decode(headers, message.getPayload());
    } catch (PoisonEvent poison) {
      return deadLetter(consumer, message, poison);
    }
    Context parent =
        W3CTraceContextPropagator.getInstance()
            .extract(Context.root(), headers, KafkaHeaderGetter.INSTANCE);
    Span span =
        tracer
            .spanBuilder(consumer + " process " + envelope.type())
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.message.id", envelope.id())
            .setAttribute("runway.service", envelope.subject())
            .startSpan();
    InboundEvent inbound = new InboundEvent(envelope, parent.with(span));
    return Panache.withTransaction(
            () ->
                inbox
                    .firstDelivery(consumer, envelope)
                    .chain(
                        first -> {
                          if (!first) {
                            LOG.debugf(
                                "%s skipped duplicate %s %s",
                                consumer, envelope.type(), envelope.id());
                            count(consumer, envelope, "duplicate");
                            return Uni.createFrom().voidItem();
                          }
                          count(consumer, envelope, "handled");
                          return handler.apply(inbound);
                        }))
        .onFailure(failure -> !(failure instanceof PoisonEvent))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .atMost(5)
        .onItemOrFailure()
        .transformToUni(
            (ignored, failure) -> {
              if (failure == null) {
                span.end();
                return Uni.createFrom().completionStage(message.ack());
              }
              span.setStatus(StatusCode.ERROR, failure.toString());
              span.end();
              if (failure instanceof PoisonEvent poison) {
                return deadLetter(consumer, message, poison);
              }
              LOG.errorf(
                  failure,
                  "%s gave up on %s %s about %s after retries; dead-lettering it",
                  consumer,
                  envelope.type(),
                  envelope.id(),
                  envelope.subject());
              count(consumer, envelope, "failed");
              return Uni.createFrom().completionStage(message.nack(failure));
            });
  }

  private Uni<Void> deadLetter(String consumer, Message<byte[]> message, PoisonEvent poison) {
    LOG.warnf("%s dead-lettered a record: %s", consumer, poison.getMessage());
    io.micrometer.core.instrument.Counter.builder("runway.events.dead.lettered")
        .description("Records sent to runway.dead-letter, by consumer and reason")
        .tags("consumer", consumer, "reason", poison.reason().name())
        .register(registry)
        .increment();
    return Uni.createFrom().completionStage(message.nack(poison));
  }

  private void count(String consumer, EventEnvelope envelope, String outcome) {
    io.micrometer.core.instrument.Counter.builder("runway.events.consumed")
        .description("Events a consumer received: handled, duplicate (skipped) or failed")
        .tags("consumer", consumer, "type", envelope.type(), "outcome", outcome)
        .register(registry)
        .increment();
  }
}
