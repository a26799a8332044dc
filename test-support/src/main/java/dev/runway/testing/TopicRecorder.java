package dev.runway.testing;

import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.Observers;
import dev.runway.common.events.PoisonEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A plain Kafka consumer that records everything on some topics from the beginning, as an outside
 * observer sees it (no group, nothing committed). Tests ask it what arrived.
 */
public final class TopicRecorder implements AutoCloseable {

  private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread poller;
  private volatile boolean running = true;

  private TopicRecorder(String bootstrapServers, List<String> topics) {
    consumer = Observers.consumer(bootstrapServers, "test-recorder", true);
    consumer.subscribe(
        java.util.regex.Pattern.compile(
            String.join("|", topics.stream().map(java.util.regex.Pattern::quote).toList())));
    poller = new Thread(this::poll, "topic-recorder");
    poller.setDaemon(true);
    poller.start();
  }

  /** Starts recording the given topics (they need not exist yet). */
  public static TopicRecorder of(String bootstrapServers, String... topics) {
    return new TopicRecorder(bootstrapServers, List.of(topics));
  }

  private void poll() {
    try {
      while (running) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
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

  /** Every record so far that decodes as a Runway event, with its envelope. */
  public List<Recorded> events() {
    List<Recorded> events = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        events.add(new Recorded(record, EventCodec.decode(record.headers(), record.value())));
      } catch (PoisonEvent ignored) {
        // not a Runway event; visible through all()
      }
    }
    return events;
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
