package dev.runway.testing;

import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.Observers;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.RunwayEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A plain Kafka consumer that records everything on some topics from the beginning, as an outside
 * observer sees it (no group, nothing committed), decoding each record once as it arrives, and
 * polling on while a restarted platform's broker is away. Tests, module and end-to-end alike, ask
 * it what arrived.
 */
public final class TopicRecorder implements AutoCloseable {

  private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
  private final List<Recorded> events = new CopyOnWriteArrayList<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread poller;
  private volatile boolean running = true;

  private TopicRecorder(String bootstrapServers, Pattern topics) {
    consumer = Observers.consumer(bootstrapServers, "test-recorder", true);
    consumer.subscribe(topics);
    poller = new Thread(this::poll, "topic-recorder");
    poller.setDaemon(true);
    poller.start();
  }

  /** Starts recording the given topics (they need not exist yet). */
  public static TopicRecorder of(String bootstrapServers, String... topics) {
    return new TopicRecorder(
        bootstrapServers,
        Pattern.compile(String.join("|", List.of(topics).stream().map(Pattern::quote).toList())));
  }

  /** Starts recording every runway.* topic. */
  public static TopicRecorder everything(String bootstrapServers) {
    return new TopicRecorder(bootstrapServers, Pattern.compile("runway\\..*"));
  }

  private void poll() {
    try {
      while (running) {
        try {
          consumer.poll(Duration.ofMillis(100)).forEach(this::add);
        } catch (WakeupException stopping) {
          throw stopping;
        } catch (KafkaException brokerAway) {
          // a platform restarting its broker: keep polling until it is back
        }
      }
    } catch (WakeupException stopping) {
      // close() woke us up
    } finally {
      consumer.close();
    }
  }

  /** Every record so far, in arrival order. */
  public List<ConsumerRecord<String, byte[]>> all() {
    return List.copyOf(records);
  }

  private void add(ConsumerRecord<String, byte[]> record) {
    records.add(record);
    try {
      events.add(new Recorded(record, EventCodec.decode(record.headers(), record.value())));
    } catch (PoisonEvent notAnEvent) {
      // dead letters and the like; visible through all()
    }
  }

  /** Every record so far that decodes as a Runway event, with its envelope, in arrival order. */
  public List<Recorded> events() {
    return List.copyOf(events);
  }

  /** The events of a type about a service, in arrival order. */
  public <T extends RunwayEvent> List<T> of(Class<T> type, String service) {
    return events.stream()
        .filter(e -> e.is(type, service))
        .map(e -> type.cast(e.envelope().data()))
        .toList();
  }

  /** The CloudEvent ids of the events of a type about a service (a redelivery repeats one). */
  public List<String> ids(Class<? extends RunwayEvent> type, String service) {
    return events.stream().filter(e -> e.is(type, service)).map(e -> e.envelope().id()).toList();
  }

  /** The events so far that match. */
  public List<Recorded> events(Predicate<Recorded> filter) {
    return events().stream().filter(filter).toList();
  }

  /** The last value of a header of a record, as text. */
  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    return CloudEventHeaders.text(record.headers(), name);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }

  /** A record and the Runway event it carries. */
  public record Recorded(ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {

    public boolean is(Class<?> type, String service) {
      return type.isInstance(envelope.data()) && envelope.subject().equals(service);
    }
  }
}
