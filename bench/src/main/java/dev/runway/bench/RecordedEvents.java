package dev.runway.bench;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.Observers;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every Runway event from now on, with its broker timestamp; callers wait for the ones they need.
 */
final class RecordedEvents {

  /** An event and when the broker stored it. */
  record Timed(EventEnvelope envelope, long timestamp) {}

  private final List<Timed> events = new ArrayList<>();

  private final CountDownLatch assigned = new CountDownLatch(1);

  /** Returns once the consumer reads every Runway topic, so no event after this is missed. */
  RecordedEvents(String kafka) {
    Thread thread = new Thread(() -> poll(kafka), "bench-events");
    thread.setDaemon(true);
    thread.start();
    try {
      if (!assigned.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no Runway topic was assigned within 60 s at " + kafka);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void poll(String kafka) {
    try (KafkaConsumer<String, byte[]> consumer = Observers.consumer(kafka, "bench", false)) {
      consumer.subscribe(
          Pattern.compile("runway\\..*"),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              if (!partitions.isEmpty()) {
                // "latest" resolves lazily; pin it now so events from here on are all read.
                partitions.forEach(consumer::position);
                assigned.countDown();
              }
            }
          });
      while (true) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          try {
            Timed timed = new Timed(EventCodec.decode(r.headers(), r.value()), r.timestamp());
            synchronized (events) {
              events.add(timed);
              events.notifyAll();
            }
          } catch (PoisonEvent ignored) {
            // not a Runway event
          }
        }
      }
    }
  }

  /** Waits for the first event that matches. */
  Timed await(Predicate<Timed> match, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    synchronized (events) {
      while (true) {
        Optional<Timed> found = events.stream().filter(match).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("no matching event within " + timeout);
        }
        events.wait(left);
      }
    }
  }

  /** Waits for the first event of {@code type} that matches; returns the event itself. */
  <T> T await(Class<T> type, Predicate<T> match, Duration timeout) throws InterruptedException {
    return type.cast(await(t -> isA(type, match, t), timeout).envelope().data());
  }

  /**
   * Waits until observability has judged {@code revision} healthy in each of {@code regions}, as a
   * guarded rollout needs of the stable revision it compares a canary with.
   */
  void awaitHealthy(String revision, List<String> regions, Duration each)
      throws InterruptedException {
    for (String region : regions) {
      await(
          SloStatusChanged.class,
          c ->
              c.revision().equals(revision)
                  && c.region().equals(region)
                  && c.status() == SloStatus.HEALTHY,
          each);
    }
  }

  /** Every event of {@code type} so far that matches. */
  <T> List<T> all(Class<T> type, Predicate<T> match) {
    return all(t -> isA(type, match, t)).stream().map(t -> type.cast(t.envelope().data())).toList();
  }

  private static <T> boolean isA(Class<T> type, Predicate<T> match, Timed t) {
    Object data = t.envelope().data();
    return type.isInstance(data) && match.test(type.cast(data));
  }

  List<Timed> all(Predicate<Timed> match) {
    synchronized (events) {
      return events.stream().filter(match).toList();
    }
  }
}
