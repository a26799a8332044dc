package dev.runway.observability.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.RequestStats;
import dev.runway.common.events.Topics;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.testing.Stats;
import dev.runway.testing.EventProducer;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The feed against a real broker: a restarted feed rebuilds its windows from the topic without
 * counting anything twice, and poison goes to the dead-letter topic once.
 */
class TelemetryFeedTest {

  private static final class Recording implements TelemetryFeed.Sink {
    final List<RequestStats> windows = new CopyOnWriteArrayList<>();
    final List<RequestStats> counters = new CopyOnWriteArrayList<>();

    @Override
    public void windows(RequestStats stats) {
      windows.add(stats);
    }

    @Override
    public void counters(RequestStats stats) {
      counters.add(stats);
    }

    long windowed(String service) {
      return windows.stream().filter(s -> s.service().equals(service)).count();
    }

    long counted(String service) {
      return counters.stream().filter(s -> s.service().equals(service)).count();
    }
  }

  private static TelemetryFeed feed(String group, Recording sink) {
    return new TelemetryFeed(
        TestInfrastructure.kafkaBootstrapServers(),
        group,
        sink,
        Duration.ofMinutes(10),
        Clock.systemUTC());
  }

  @Test
  void aRestartReplaysTheWindowsButCountsAndDeadLettersOnlyWhatIsNew() throws Exception {
    String service = "feed-" + UUID.randomUUID().toString().substring(0, 8);
    String group = "feed-test-" + service;
    long now = Instant.now().getEpochSecond();
    try (EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
        TopicRecorder deadLetters =
            TopicRecorder.of(TestInfrastructure.kafkaBootstrapServers(), Topics.DEAD_LETTER)) {
      for (int i = 0; i < 5; i++) {
        producer.send(
            Stats.second(service, Environment.STAGING, "us-east1", "v1", now - 5 + i, 10, 1, 5));
      }
      ProducerRecord<String, byte[]> poison =
          new ProducerRecord<>(
              Topics.TELEMETRY, service, "not a cloud event".getBytes(StandardCharsets.UTF_8));
      producer.send(poison);

      Recording first = new Recording();
      try (TelemetryFeed feed = feed(group, first)) {
        feed.start();
        await().atMost(Duration.ofSeconds(30)).until(feed::caughtUp);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.windowed(service) == 5);
        assertThat(first.counted(service)).isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(deadLetters, service) == 1);
      }

      Recording second = new Recording();
      try (TelemetryFeed feed = feed(group, second)) {
        feed.start();
        await().atMost(Duration.ofSeconds(30)).until(feed::caughtUp);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.windowed(service) == 5);
        assertThat(second.counted(service)).as("already counted before the restart").isZero();
        producer.send(Stats.second(service, Environment.STAGING, "us-east1", "v1", now, 10, 0, 5));
        await().atMost(Duration.ofSeconds(10)).until(() -> second.windowed(service) == 6);
        assertThat(second.counted(service)).isEqualTo(1);
        await()
            .during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(2))
            .until(() -> deadLetters(deadLetters, service) == 1);
      }
    }
  }

  @Test
  void statsOlderThanTheReplayPeriodAreNotReplayed() throws Exception {
    String service = "old-" + UUID.randomUUID().toString().substring(0, 8);
    try (EventProducer producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers())) {
      long old = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
      RequestStats stats =
          Stats.second(service, Environment.STAGING, "us-east1", "v1", old / 1000, 10, 0, 5);
      ProducerRecord<String, byte[]> record =
          dev.runway.common.events.EventRecords.of(
              dev.runway.common.events.EventEnvelope.wrap("/test", stats, Clock.systemUTC()));
      producer.send(
          new ProducerRecord<>(
              record.topic(), null, old, record.key(), record.value(), record.headers()));
      producer.send(
          Stats.second(
              service,
              Environment.STAGING,
              "us-east1",
              "v1",
              Instant.now().getEpochSecond(),
              10,
              0,
              5));
    }
    Recording sink = new Recording();
    try (TelemetryFeed feed = feed("feed-test-" + service, sink)) {
      feed.start();
      await().atMost(Duration.ofSeconds(30)).until(feed::caughtUp);
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.windowed(service) >= 1);
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> sink.windowed(service) == 1);
      assertThat(sink.windowed(service))
          .as("only the record inside the replay period")
          .isEqualTo(1);
      assertThat(sink.counted(service)).isEqualTo(1);
    }
  }

  private static long deadLetters(TopicRecorder recorder, String service) {
    return recorder.all().stream().filter(r -> service.equals(r.key())).count();
  }
}
