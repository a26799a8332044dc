package dev.runway.bench;

import dev.runway.common.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records runway.dead-letter holds now: the sum of its partitions' end offsets. */
final class DeadLetterCount {

  private final KafkaConsumer<byte[], byte[]> consumer;

  DeadLetterCount(String kafka) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  long now() {
    var partitions =
        consumer.partitionsFor(Topics.DEAD_LETTER, Duration.ofMinutes(2)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .collect(Collectors.toList());
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofMinutes(2));
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }
}
