package dev.runway.common.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * State rebuilt from the bus on every start, then kept in step with it: a reader thread assigns
 * itself every partition of the topics (no group rebalancing, so every instance reads everything),
 * reads from where its {@link Reader} says, and knows when it has caught up with what was there
 * when it started. The gateway's route table and observability's SLI windows are built this way. A
 * reader that dies says so ({@link #failed()}), so a service's readiness can go DOWN with it.
 */
public final class TopicReplay implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TopicReplay.class.getName());

  /** What one replay does with its topics. */
  public interface Reader {
    /** Where to start each partition; called once, before the first record. */
    Map<TopicPartition, Long> start(
        KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions);

    /** One record, in partition order. */
    void accept(ConsumerRecord<String, byte[]> record);

    /** Once, when everything that was there at the start has been read. */
    default void onCaughtUp() {}

    /** After every poll, on the reader thread (to commit, say). */
    default void polled(KafkaConsumer<String, byte[]> consumer) {}

    /** Last, on the reader thread, before the consumer closes. */
    default void stopping(KafkaConsumer<String, byte[]> consumer) {}
  }

  private final String name;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<String> topics;
  private final Reader reader;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private volatile boolean failed;

  /**
   * @param name the reader thread's name and the subject of its log lines
   * @param consumer a consumer of its own, closed with the replay
   */
  public TopicReplay(
      String name, KafkaConsumer<String, byte[]> consumer, List<String> topics, Reader reader) {
    this.name = name;
    this.consumer = consumer;
    this.topics = List.copyOf(topics);
    this.reader = reader;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Every partition from its first record kept. */
  public static Map<TopicPartition, Long> fromBeginning(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    return consumer.beginningOffsets(partitions);
  }

  public TopicReplay start() {
    thread.start();
    return this;
  }

  /** Whether everything that was on the topics when the replay started has been read. */
  public boolean caughtUp() {
    return caughtUp && !failed;
  }

  /** Whether the reader thread died; the state no longer follows the bus. */
  public boolean failed() {
    return failed;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = Observers.awaitPartitions(consumer, topics, () -> running);
      consumer.assign(partitions);
      reader.start(consumer, partitions).forEach(consumer::seek);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          reader.accept(record);
        }
        if (!caughtUp && Observers.reached(consumer, ends)) {
          caughtUp = true;
          reader.onCaughtUp();
        }
        reader.polled(consumer);
      }
      reader.stopping(consumer);
    } catch (WakeupException stopping) {
      reader.stopping(consumer);
    } catch (RuntimeException e) {
      failed = true;
      LOG.log(System.Logger.Level.ERROR, name + " stopped; its state no longer follows the bus", e);
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
