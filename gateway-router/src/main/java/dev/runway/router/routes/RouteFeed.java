package dev.runway.router.routes;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.Observers;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps the route table in step with the bus: reads {@code runway.deployments} and {@code
 * runway.services} from the beginning on every start, so a restarted router rebuilds the table from
 * the facts themselves, then follows them. It commits nothing and joins no group: every router
 * instance reads everything. Ready once it has read what was there when it started.
 */
public final class RouteFeed implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RouteFeed.class);
  private static final List<String> TOPICS = List.of(Topics.DEPLOYMENTS, Topics.SERVICES);

  private final RouteTable table;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;

  public RouteFeed(String bootstrapServers, RouteTable table) {
    this.table = table;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-router-routes-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "route-feed");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Whether the table holds everything that was on the bus when the router started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = Observers.awaitPartitions(consumer, TOPICS, () -> running);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long applied = 0;
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          try {
            if (table.apply(EventCodec.decode(record.headers(), record.value()).data())) {
              applied++;
            }
          } catch (PoisonEvent poison) {
            LOG.debugf("Skipped a record that is not a Runway event: %s", poison.getMessage());
          }
        }
        if (!caughtUp && Observers.reached(consumer, ends)) {
          caughtUp = true;
          LOG.infof(
              "Route table rebuilt from the bus: %d route events, %d services routed",
              applied, table.all().size());
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the consumer
    } catch (RuntimeException e) {
      LOG.errorf(e, "The route feed stopped; routes no longer follow deployments");
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
