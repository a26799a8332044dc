package dev.runway.router.routes;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.TopicReplay;
import dev.runway.common.events.Topics;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps the route table in step with the bus: reads {@code runway.deployments} and {@code
 * runway.services} from the beginning on every start, so a restarted router rebuilds the table from
 * the facts themselves, then follows them. It commits nothing and joins no group: every router
 * instance reads everything. Ready once it has read what was there when it started, and no longer
 * once its reader has died.
 */
public final class RouteFeed implements AutoCloseable, TopicReplay.Reader {

  private static final Logger LOG = Logger.getLogger(RouteFeed.class);
  private static final List<String> TOPICS = List.of(Topics.DEPLOYMENTS, Topics.SERVICES);

  private final RouteTable table;
  private final Counter skipped;
  private final TopicReplay replay;
  private long applied;

  /**
   * @param skipped counts the route events the table refused, each also logged
   */
  public RouteFeed(String bootstrapServers, RouteTable table, Counter skipped) {
    this.table = table;
    this.skipped = skipped;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-router-routes-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.replay =
        new TopicReplay(
            "route-feed",
            new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()),
            TOPICS,
            this);
  }

  public void start() {
    replay.start();
  }

  /** Whether the table holds everything that was on the bus when the router started. */
  public boolean caughtUp() {
    return replay.caughtUp();
  }

  @Override
  public Map<TopicPartition, Long> start(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    return TopicReplay.fromBeginning(consumer, partitions);
  }

  @Override
  public void accept(ConsumerRecord<String, byte[]> record) {
    try {
      if (table.apply(EventCodec.decode(record.headers(), record.value()).data())) {
        applied++;
      }
    } catch (PoisonEvent poison) {
      LOG.debugf("Skipped a record that is not a Runway event: %s", poison.getMessage());
    } catch (RuntimeException badRoute) {
      // One event the table refuses (a URL it cannot parse, say) must not stop every later route.
      skipped.increment();
      LOG.warnf(
          "Skipped %s-%d@%d, a route the table refuses: %s",
          record.topic(), record.partition(), record.offset(), badRoute.toString());
    }
  }

  @Override
  public void onCaughtUp() {
    LOG.infof(
        "Route table rebuilt from the bus: %d route events, %d services routed",
        applied, table.all().size());
  }

  @Override
  public void close() {
    replay.close();
  }
}
