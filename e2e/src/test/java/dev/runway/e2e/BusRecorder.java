package dev.runway.e2e;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.Observers;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.RunwayEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;

/**
 * Records every Runway event on the platform's broker from the beginning, and keeps polling while
 * the broker goes away and comes back with a restarted platform.
 */
final class BusRecorder implements AutoCloseable {

  private final List<EventEnvelope> events = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  BusRecorder(String kafka) {
    thread = new Thread(() -> poll(kafka), "e2e-recorder");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll(String kafka) {
    try (KafkaConsumer<String, byte[]> consumer = Observers.consumer(kafka, "e2e", true)) {
      consumer.subscribe(Pattern.compile("runway\\..*"));
      while (running) {
        try {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            try {
              events.add(EventCodec.decode(r.headers(), r.value()));
            } catch (PoisonEvent notOurs) {
              // dead letters and the like are not events
            }
          }
        } catch (KafkaException brokerGone) {
          // the broker restarts with the platform; keep polling
        }
      }
    }
  }

  /** The events of a type about a service, in arrival order. */
  <T extends RunwayEvent> List<T> of(Class<T> type, String service) {
    return events.stream()
        .filter(e -> type.isInstance(e.data()) && e.subject().equals(service))
        .map(e -> type.cast(e.data()))
        .toList();
  }

  /** The CloudEvent ids of the events of a type about a service. */
  List<String> ids(Class<? extends RunwayEvent> type, String service) {
    return events.stream()
        .filter(e -> type.isInstance(e.data()) && e.subject().equals(service))
        .map(EventEnvelope::id)
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5000);
  }
}
