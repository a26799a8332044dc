package dev.runway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.cli.deadletters.DeadLetter;
import dev.runway.cli.deadletters.DeadLetterTopic;
import dev.runway.common.events.Topics;
import dev.runway.testing.EventProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A poison record on a real platform: every consumer of its topic dead-letters it and carries on;
 * {@code runwayctl dead-letters list} shows where it came from and why, and {@code replay} drives
 * it to its consumers again, which dead-letter it again since it is still poison.
 */
@ExtendWith(SharedPlatform.class)
class DeadLettersEndToEndTest {

  @Test
  void aPoisonRecordIsListedWithItsReasonAndReplayedToItsTopic(Launcher launcher) throws Exception {
    // Given a record on runway.manifests that claims to be a ManifestChanged and is not JSON
    String eventId = "poison-" + UUID.randomUUID();
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
    headers.add("ce_source", "/e2e".getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", "runway.ManifestChanged.v1".getBytes(StandardCharsets.UTF_8));
    byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);
    try (EventProducer producer = new EventProducer(launcher.kafka())) {
      producer.send(new ProducerRecord<>(Topics.MANIFESTS, null, "poison-service", value, headers));
    }
    DeadLetterTopic topic = new DeadLetterTopic(launcher.kafka());

    // Then each consumer of the topic dead-letters it, with the reason and its origin
    List<DeadLetter> letters =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> ofEvent(topic, eventId), l -> l.size() >= 3);
    assertThat(letters)
        .allSatisfy(
            l -> {
              assertThat(l.topic()).isEqualTo(Topics.MANIFESTS);
              assertThat(l.type()).isEqualTo("runway.ManifestChanged.v1");
              assertThat(l.reason()).isNotBlank();
              assertThat(l.id()).matches("\\d+:\\d+");
            });

    // When one is replayed, it goes back to runway.manifests as it was
    RecordMetadata replayed = topic.replay(letters.get(0).id()).orElseThrow();
    assertThat(replayed.topic()).isEqualTo(Topics.MANIFESTS);

    // Then its consumers handle it again: still poison, it is dead-lettered again, no more
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ofEvent(topic, eventId).size() >= letters.size() + 3);
    assertThat(topic.replay("0:999999999")).isEmpty();
  }

  private static List<DeadLetter> ofEvent(DeadLetterTopic topic, String eventId) {
    return topic.list().stream().filter(l -> l.eventId().equals(eventId)).toList();
  }
}
