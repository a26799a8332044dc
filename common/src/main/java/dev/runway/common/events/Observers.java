package dev.runway.common.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumers that watch the bus from outside: each in a group of its own that commits nothing, so
 * watching never moves a service's offsets (the CLI's tail, tests, benchmarks).
 */
public final class Observers {
  private Observers() {}

  private static final System.Logger LOG = System.getLogger(Observers.class.getName());

  /**
   * A consumer of raw Runway records.
   *
   * @param name a prefix for its throw-away group id
   * @param fromBeginning start at the oldest record kept, else at the newest
   */
  public static KafkaConsumer<String, byte[]> consumer(
      String bootstrapServers, String name, boolean fromBeginning) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, name + "-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Every partition of {@code topics}, once they all exist: a reader that assigns partitions itself
   * (no group rebalancing) waits here for a broker that is still starting or topics not yet made.
   *
   * @param running false once the reader is closing; waiting then ends with a WakeupException
   */
  public static List<TopicPartition> awaitPartitions(
      KafkaConsumer<?, ?> consumer, List<String> topics, BooleanSupplier running) {
    while (running.getAsBoolean()) {
      List<TopicPartition> partitions = new ArrayList<>();
      try {
        for (String topic : topics) {
          List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
          if (infos != null) {
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
          }
        }
      } catch (org.apache.kafka.common.errors.TimeoutException brokerNotThereYet) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Kafka did not answer within 10 s ({0}); trying again",
            brokerNotThereYet.getMessage());
        continue;
      }
      if (partitions.stream().map(TopicPartition::topic).distinct().count() == topics.size()) {
        return partitions;
      }
      LOG.log(System.Logger.Level.INFO, "Waiting for the topics {0} to exist", topics);
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
    }
    throw new WakeupException();
  }

  /** Whether the consumer has read up to the given end offsets on every partition. */
  public static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
