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
 * runway.dead-letter with the reason. A transient failure (the database or broker away, a lock or
 * connection lost) is never dead-lettered: the record is retried with a backoff capped at 5 s until
 * it passes, its partition waits behind it, and readiness is DOWN meanwhile ({@link
 * ConsumersReadiness}).
 */
@ApplicationScoped
public class EventConsumption {

  private static final Logger LOG = Logger.getLogger(EventConsumption.class);

  private final Inbox inbox;
  private final Tracer tracer;
  private final MeterRegistry registry;
  private final ConsumerFailures failures = new ConsumerFailures();

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
    // A service's channels may share one consumer name; each retries and recovers on its own.
    String channel =
        consumer
            + "/"
            + message
                .getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition())
                .orElse("-");
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
        .onFailure(failure -> !ConsumerFailures.poison(failure))
        .invoke(
            failure -> {
              failures.failing(channel, failure);
              LOG.warnf(
                  "%s could not handle %s %s about %s for a transient reason, retrying until it"
                      + " passes: %s",
                  consumer, envelope.type(), envelope.id(), envelope.subject(), failure.toString());
            })
        .onFailure(failure -> !ConsumerFailures.poison(failure))
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
        .indefinitely()
        .onItemOrFailure()
        .transformToUni(
            (ignored, failure) -> {
              if (failure == null) {
                if (failures.retrying(channel).isPresent()) {
                  LOG.infof(
                      "%s handled %s %s after retrying", consumer, envelope.type(), envelope.id());
                  failures.passed(channel);
                }
                span.end();
                return Uni.createFrom().completionStage(message.ack());
              }
              span.setStatus(StatusCode.ERROR, failure.toString());
              span.end();
              failures.passed(channel); // the record's own fault: nothing left to wait out
              PoisonEvent poison =
                  failure instanceof PoisonEvent p
                      ? p
                      : new PoisonEvent(
                          PoisonEvent.Reason.INVALID_DATA, failure.getMessage(), failure);
              count(consumer, envelope, "failed");
              return deadLetter(consumer, message, poison);
            });
  }

  /** Which of this service's consumers are waiting out a transient failure. */
  public ConsumerFailures failures() {
    return failures;
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
