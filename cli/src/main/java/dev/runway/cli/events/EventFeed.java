package dev.runway.cli.events;

import dev.runway.common.events.Observers;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Every event on the runway.* topics from the oldest kept, read in the background by a consumer
 * that commits nothing, kept in arrival order and, while a filter says so, printed as it lands. A
 * story told over the bus (the demo) waits on it for the facts it expects.
 */
public final class EventFeed implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final PrintStream out;
  private final List<EventLine> lines = new ArrayList<>();
  private final Thread reader;
  private volatile Predicate<EventLine> shown = line -> false;
  private volatile boolean closed;

  public EventFeed(String kafka, PrintStream out) {
    this.consumer = Observers.consumer(kafka, "runwayctl-feed", true);
    this.out = out;
    consumer.subscribe(Pattern.compile("runway\\..*"));
    this.reader = new Thread(this::read, "event-feed");
    reader.setDaemon(true);
    reader.start();
  }

  /** From now on, prints the events that match (and only those). */
  public void show(Predicate<EventLine> filter) {
    shown = filter;
  }

  /** Every event so far, in arrival order. */
  public synchronized List<EventLine> lines() {
    return List.copyOf(lines);
  }

  /** The first event, seen or to come within {@code timeout}, that matches. */
  public synchronized Optional<EventLine> await(Predicate<EventLine> wanted, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    int checked = 0;
    while (true) {
      for (; checked < lines.size(); checked++) {
        if (wanted.test(lines.get(checked))) {
          return Optional.of(lines.get(checked));
        }
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0 || closed) {
        return Optional.empty();
      }
      wait(left);
    }
  }

  private void read() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          EventLine line = EventLine.of(record);
          if (shown.test(line)) {
            out.println(line.text());
            out.flush();
          }
          synchronized (this) {
            lines.add(line);
            notifyAll();
          }
        }
      }
    } catch (WakeupException stopping) {
      // closed
    } finally {
      consumer.close(Duration.ofSeconds(2));
      synchronized (this) {
        closed = true;
        notifyAll();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    reader.join(5000);
  }
}
