package dev.runway.router.telemetry;

import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.EventRecords;
import dev.runway.common.events.RequestStats;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends RequestStats to {@code runway.telemetry}. Telemetry is a stream of facts about seconds gone
 * by: a send that fails is logged and dropped, never retried into a later second.
 */
public final class StatsPublisher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StatsPublisher.class);
  private static final String SOURCE = "/runway/gateway-router";

  private final KafkaProducer<String, byte[]> producer;
  private final Clock clock = Clock.systemUTC();

  public StatsPublisher(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-router-telemetry");
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  public void publish(List<RequestStats> stats) {
    for (RequestStats event : stats) {
      producer.send(
          EventRecords.of(EventEnvelope.wrap(SOURCE, event, clock)),
          (metadata, failure) -> {
            if (failure != null) {
              LOG.warnf("Dropped RequestStats of %s: %s", event.revision(), failure.getMessage());
            }
          });
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
