package dev.runway.reconciler;

import dev.runway.common.events.Topics;
import dev.runway.testing.EventProducer;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import dev.runway.testing.TopicRecorder.Recorded;
import java.util.List;

/**
 * The bus as the module's Quarkus tests watch and feed it: what is published on the deployments and
 * manifests topics, and a producer for the other services' events.
 */
public final class ReconcilerBus implements AutoCloseable {

  private final TopicRecorder recorder;
  private final EventProducer producer;

  private ReconcilerBus() {
    String kafka = TestInfrastructure.kafkaBootstrapServers();
    this.recorder = TopicRecorder.of(kafka, Topics.DEPLOYMENTS, Topics.MANIFESTS);
    this.producer = new EventProducer(kafka);
  }

  public static ReconcilerBus open() {
    return new ReconcilerBus();
  }

  public EventProducer producer() {
    return producer;
  }

  /** Every event of {@code type} about {@code service} recorded so far. */
  public List<Recorded> events(Class<?> type, String service) {
    return recorder.events(e -> e.is(type, service));
  }

  @Override
  public void close() {
    recorder.close();
    producer.close();
  }
}
