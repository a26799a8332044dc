package dev.runway.common.events;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumers that watch the bus from outside: each in a group of its own that commits nothing, so
 * watching never moves a service's offsets (the CLI's tail, tests, benchmarks).
 */
public final class Observers {
  private Observers() {}

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
}
