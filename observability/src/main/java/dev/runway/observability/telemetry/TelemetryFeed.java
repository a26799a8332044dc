package dev.runway.observability.telemetry;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.RequestStats;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.TopicReplay;
import dev.runway.common.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code runway.telemetry} into the SLI windows. RequestStats arrive every second for every
 * revision, so they are not handled one transaction at a time: the windows live in memory and are
 * rebuilt on every start by replaying the topic from the longest window back (the topic's retention
 * must cover it; Kafka's default 7 days covers the 3-day rule). A restart therefore neither resets
 * an error budget nor hides a breach.
 *
 * <p>The feed assigns itself every partition and commits offsets under its own group only to know
 * what a previous instance already handled: records before the committed offset fill the windows
 * but are not counted again in the Prometheus counters and, if poison, are not dead-lettered twice.
 * Newer poison goes to {@code runway.dead-letter} with its reason, and the feed moves on.
 */
public final class TelemetryFeed implements AutoCloseable, TopicReplay.Reader {

  private static final Logger LOG = Logger.getLogger(TelemetryFeed.class);
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

  /** What the feed does with each RequestStats: fill windows always, count only if new. */
  public interface Sink {
    void windows(RequestStats stats);

    void counters(RequestStats stats);
  }

  private final KafkaProducer<String, byte[]> deadLetters;
  private final Sink sink;
  private final Duration replay;
  private final Clock clock;
  private final TopicReplay topic;
  private Map<TopicPartition, Long> handled = Map.of();
  private long replayed;
  private long nextCommit = System.nanoTime();

  public TelemetryFeed(
      String bootstrapServers, String group, Sink sink, Duration replay, Clock clock) {
    this.sink = sink;
    this.replay = replay;
    this.clock = clock;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    this.deadLetters =
        new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
    this.topic = new TopicReplay("telemetry-feed", consumer, List.of(Topics.TELEMETRY), this);
  }

  public void start() {
    topic.start();
  }

  /** Whether the windows hold everything that was on the topic when the feed started. */
  public boolean caughtUp() {
    return topic.caughtUp();
  }

  @Override
  public Map<TopicPartition, Long> start(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> replayFrom = replayStart(consumer, partitions);
    handled = committed(consumer, partitions, replayFrom);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition p : partitions) {
      start.put(p, Math.min(replayFrom.get(p), handled.get(p)));
    }
    return start;
  }

  @Override
  public void accept(ConsumerRecord<String, byte[]> record) {
    handle(record, record.offset() >= handled.getOrDefault(partition(record), 0L));
    replayed++;
  }

  @Override
  public void onCaughtUp() {
    LOG.infof("SLI windows rebuilt from %d telemetry records", replayed);
  }

  @Override
  public void polled(KafkaConsumer<String, byte[]> consumer) {
    if (System.nanoTime() - nextCommit >= 0) {
      commit(consumer);
      nextCommit = System.nanoTime() + COMMIT_EVERY.toNanos();
    }
  }

  /**
   * What was handled so far is committed, so a restart neither counts it again nor dead-letters its
   * poison twice.
   */
  @Override
  public void stopping(KafkaConsumer<String, byte[]> consumer) {
    commit(consumer);
  }

  private void handle(ConsumerRecord<String, byte[]> record, boolean fresh) {
    RunwayEvent event;
    try {
      event = EventCodec.decode(record.headers(), record.value()).data();
    } catch (PoisonEvent poison) {
      if (fresh) {
        deadLetter(record, poison);
      }
      return;
    }
    if (event instanceof RequestStats stats) {
      sink.windows(stats);
      if (fresh) {
        sink.counters(stats);
      }
    }
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, PoisonEvent poison) {
    LOG.warnf(
        "telemetry feed dead-lettered %s-%d@%d: %s",
        record.topic(), record.partition(), record.offset(), poison.getMessage());
    ProducerRecord<String, byte[]> dead =
        new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
    record.headers().forEach(h -> dead.headers().add(h));
    header(dead, "dead-letter-reason", poison.reason() + ": " + poison.getMessage());
    header(dead, "dead-letter-topic", record.topic());
    header(dead, "dead-letter-partition", Integer.toString(record.partition()));
    header(dead, "dead-letter-offset", Long.toString(record.offset()));
    deadLetters.send(dead);
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void commit(KafkaConsumer<String, byte[]> consumer) {
    // Dead letters first: an offset is committed only once its poison is safely elsewhere.
    deadLetters.flush();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition p : consumer.assignment()) {
      offsets.put(p, new OffsetAndMetadata(consumer.position(p)));
    }
    try {
      consumer.commitSync(offsets, Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.warnf("Could not commit telemetry offsets (will retry): %s", e.getMessage());
    }
  }

  /**
   * What a previous instance handled: its committed offsets. A group that never committed (the
   * first start) counts from the replay start; what came before is older than every window.
   */
  private static Map<TopicPartition, Long> committed(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> replayFrom) {
    Map<TopicPartition, Long> handled = new HashMap<>(replayFrom);
    consumer
        .committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(10))
        .forEach(
            (p, o) -> {
              if (o != null) {
                handled.put(p, o.offset());
              }
            });
    return handled;
  }

  /**
   * The first offset of the replay period per partition. Reading starts there, or at the first
   * record not yet handled when that is older: its poison still has to be dead-lettered, and older
   * stats simply fall outside every window.
   */
  private Map<TopicPartition, Long> replayStart(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    long from = clock.millis() - replay.toMillis();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, from));
    Map<TopicPartition, OffsetAndTimestamp> byTime =
        consumer.offsetsForTimes(query, Duration.ofSeconds(10));
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp t = byTime.get(p);
      start.put(p, t == null ? ends.get(p) : t.offset());
    }
    return start;
  }

  private static TopicPartition partition(ConsumerRecord<?, ?> record) {
    return new TopicPartition(record.topic(), record.partition());
  }

  @Override
  public void close() {
    topic.close();
    deadLetters.close(Duration.ofSeconds(5));
  }
}
