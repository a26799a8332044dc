package dev.runway.cli.deadletters;

import dev.runway.common.events.Observers;
import dev.runway.common.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads runway.dead-letter from its oldest record to its end (in a group of its own that commits
 * nothing), and drives a dead letter again: its original key, value and headers go back to the
 * topic it came from, where its consumers handle it once more. A consumer with an inbox skips it if
 * it handled the event after all; the others see it for the first time.
 */
public final class DeadLetterTopic {

  /** The header a replayed record carries: the dead letter it came from. */
  public static final String REPLAYED_FROM = "runway-replayed-from";

  private final String kafka;

  public DeadLetterTopic(String kafka) {
    this.kafka = kafka;
  }

  /** Every dead letter kept, oldest first per partition. */
  public List<DeadLetter> list() {
    List<DeadLetter> all = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records()) {
      all.add(DeadLetter.of(record));
    }
    return all;
  }

  /**
   * Publishes the dead letter {@code id} ({@code <partition>:<offset>}) again to its original
   * topic; empty when there is no such dead letter or it names no topic.
   */
  public Optional<RecordMetadata> replay(String id) throws InterruptedException {
    for (ConsumerRecord<String, byte[]> record : records()) {
      if (!(record.partition() + ":" + record.offset()).equals(id)) {
        continue;
      }
      String topic = DeadLetter.header(record, DeadLetter.PREFIX + "topic");
      if (topic.isEmpty() || topic.equals(Topics.DEAD_LETTER)) {
        return Optional.empty();
      }
      RecordHeaders headers = new RecordHeaders();
      for (Header header : record.headers()) {
        if (!header.key().startsWith(DeadLetter.PREFIX)) {
          headers.add(header);
        }
      }
      headers.add(REPLAYED_FROM, (Topics.DEAD_LETTER + "/" + id).getBytes(StandardCharsets.UTF_8));
      try (KafkaProducer<String, byte[]> producer = producer()) {
        return Optional.of(
            producer
                .send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                .get());
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "could not publish to " + topic + ": " + e.getCause().getMessage(), e.getCause());
      }
    }
    return Optional.empty();
  }

  private List<ConsumerRecord<String, byte[]>> records() {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        Observers.consumer(kafka, "runwayctl-dead-letters", true)) {
      java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
      List<TopicPartition> partitions;
      try {
        partitions =
            Observers.awaitPartitions(
                consumer,
                List.of(Topics.DEAD_LETTER),
                () -> java.time.Instant.now().isBefore(deadline));
      } catch (org.apache.kafka.common.errors.WakeupException e) {
        throw new IllegalStateException(
            "no " + Topics.DEAD_LETTER + " topic on " + kafka + " within 30 s; is Runway up?", e);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!Observers.reached(consumer, end)) {
        if (java.time.Instant.now().isAfter(deadline.plusSeconds(30))) {
          throw new IllegalStateException(
              "could not read "
                  + Topics.DEAD_LETTER
                  + " to its end on "
                  + kafka
                  + " within 60 s; is the broker up?");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }
}
