package dev.runway.testing;

import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.EventRecords;
import dev.runway.common.events.RunwayEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends records straight onto the bus, as another service (or a misbehaving one) would. */
public final class EventProducer implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  public EventProducer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // Kafka loads its metrics reporters through the thread's context class loader. In a
    // @QuarkusTest's @BeforeAll that can be another loader than the one KafkaProducer came from,
    // and then JmxReporter "is not a MetricsReporter" (ClassCastException, seen once in the
    // provisioner's tests): construct it with this class's own loader.
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(KafkaProducer.class.getClassLoader());
    try {
      producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  /** Wraps an event in a new CloudEvent and sends it to its topic; returns the envelope. */
  public EventEnvelope send(RunwayEvent event) {
    EventEnvelope envelope = EventEnvelope.wrap("/runway/test", event, Clock.systemUTC());
    send(envelope);
    return envelope;
  }

  /** Sends this exact CloudEvent (same ce_id every time: a redelivery). */
  public void send(EventEnvelope envelope) {
    send(EventRecords.of(envelope));
  }

  /** Sends any record, poison included. */
  public void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not send " + record, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
