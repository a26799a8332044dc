package dev.runway.service.outbox;

import dev.runway.service.config.RunwayConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, in id order, with an idempotent producer, and marks
 * them sent. It runs on its own thread over plain JDBC: it waits for the outbox trigger's NOTIFY
 * (or the poll interval), and holds a transaction-scoped advisory lock while it publishes so that
 * only one instance of a service relays at a time and per-key order holds when scaled out.
 *
 * <p>A crash between publishing and marking re-publishes those rows on restart; consumers skip them
 * by {@code ce_id} in their inbox, so the effect happens once.
 *
 * <p>A row the broker refuses for good (too large, invalid) is parked: marked with when and why,
 * counted in {@code runway.outbox.parked} and logged, and the relay goes on with the rows after it,
 * in their order. Retrying it would hold every later event of the service behind it forever.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final AgroalDataSource dataSource;
  private final RunwayConfig config;
  private final String bootstrapServers;
  private final Counter published;
  private final Counter parked;
  private final Object lifecycle = new Object();

  private volatile Thread worker;
  private volatile KafkaProducer<String, byte[]> producer;
  private volatile Instant lastCleanup = Instant.EPOCH;

  public OutboxRelay(
      AgroalDataSource dataSource,
      RunwayConfig config,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.dataSource = dataSource;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.published =
        Counter.builder("runway.outbox.published")
            .description("Events the outbox relay published to Kafka")
            .register(registry);
    this.parked =
        Counter.builder("runway.outbox.parked")
            .description("Events the broker refused for good, parked in the outbox with the reason")
            .register(registry);
  }

  void onStart(@Observes StartupEvent event) {
    if (config.outbox().relayEnabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts relaying; idempotent. */
  public void start() {
    synchronized (lifecycle) {
      if (worker != null) {
        return;
      }
      producer = new KafkaProducer<>(producerConfig());
      worker = new Thread(this::run, "outbox-relay");
      worker.setDaemon(true);
      worker.start();
      LOG.infof("Outbox relay started for schema %s", config.dbSchema());
    }
  }

  /** Stops relaying and waits for the current pass to finish; idempotent. */
  public void stop() {
    synchronized (lifecycle) {
      Thread running = worker;
      if (running == null) {
        return;
      }
      worker = null;
      running.interrupt();
      try {
        running.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      producer.close(Duration.ofSeconds(5));
      producer = null;
      LOG.info("Outbox relay stopped");
    }
  }

  public boolean isRunning() {
    return worker != null;
  }

  private java.util.Properties producerConfig() {
    java.util.Properties props = new java.util.Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.dbSchema());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  private void run() {
    Duration backoff = Duration.ofMillis(200);
    while (worker == Thread.currentThread()) {
      try (Connection listener = dataSource.getConnection()) {
        try (Statement listen = listener.createStatement()) {
          listen.execute("LISTEN " + channel());
        }
        PGConnection notifications = listener.unwrap(PGConnection.class);
        while (worker == Thread.currentThread()) {
          int sent = relayBatch();
          if (sent < config.outbox().batchSize()) {
            cleanupNowAndThen();
            // Blocks until a commit notifies or the poll interval passes.
            notifications.getNotifications((int) config.outbox().pollInterval().toMillis());
          }
          backoff = Duration.ofMillis(200);
        }
      } catch (Exception e) {
        if (worker != Thread.currentThread()) {
          return;
        }
        LOG.warnf(
            "Outbox relay pass failed, retrying in %d ms: %s", backoff.toMillis(), e.toString());
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : backoff.multipliedBy(2);
      }
    }
  }

  private String channel() {
    return "runway_outbox_" + config.dbSchema();
  }

  private String table() {
    return config.dbSchema() + ".outbox";
  }

  /** Publishes one batch of unsent rows; returns how many were published. */
  int relayBatch() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int sent = relayBatch(connection);
        connection.commit();
        return sent;
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private int relayBatch(Connection connection) throws Exception {
    try (PreparedStatement lock =
        connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, table());
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return 0; // another instance is relaying
        }
      }
    }
    List<OutboxRow> rows = unsent(connection);
    if (rows.isEmpty()) {
      return 0;
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    for (OutboxRow row : rows) {
      acks.add(producer.send(row.toRecord()));
    }
    producer.flush();
    List<OutboxRow> sent = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        acks.get(i).get(30, TimeUnit.SECONDS);
        sent.add(rows.get(i));
      } catch (ExecutionException e) {
        if (!refusedForGood(e.getCause())) {
          throw e; // the broker away or busy: the whole pass is tried again
        }
        park(connection, rows.get(i), e.getCause());
      }
    }
    crashIfAsked();
    markSent(connection, sent);
    published.increment(sent.size());
    LOG.debugf("Relayed %d events", sent.size());
    return rows.size();
  }

  /**
   * The chaos tests' crash between publishing and marking ({@code runway.outbox.crash-hook-dir}):
   * the published rows stay unmarked, and the restarted relay publishes them again.
   */
  private void crashIfAsked() throws java.io.IOException {
    java.util.Optional<java.nio.file.Path> dir = config.outbox().crashHookDir();
    if (dir.isPresent()
        && java.nio.file.Files.deleteIfExists(
            dir.get().resolve("crash-after-publish-" + config.dbSchema()))) {
      LOG.warn("Halting between publishing and marking, as the crash hook asked (chaos test)");
      Runtime.getRuntime().halt(137);
    }
  }

  /** Whether the broker will never take the record, however often it is sent. */
  static boolean refusedForGood(Throwable cause) {
    return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
        || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
        || cause instanceof org.apache.kafka.common.InvalidRecordException
        || cause instanceof org.apache.kafka.common.errors.InvalidTopicException;
  }

  private void park(Connection connection, OutboxRow row, Throwable why) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update " + table() + " set parked_at = now(), parked_reason = ? where id = ?")) {
      update.setString(1, why.toString());
      update.setLong(2, row.id());
      update.executeUpdate();
    }
    parked.increment();
    LOG.errorf(
        "Parked outbox row %d (%s %s on %s): the broker refuses it for good (%s). The events"
            + " after it go on; it stays in %s with parked_at set, to be fixed and its parked_at"
            + " cleared, or deleted",
        row.id(), row.ceType(), row.ceId(), row.topic(), why, table());
  }

  private List<OutboxRow> unsent(Connection connection) throws SQLException {
    String sql =
        "select id, topic, record_key, ce_id, ce_type, ce_source, ce_time, ce_subject, payload,"
            + " traceparent, tracestate from "
            + table()
            + " where sent_at is null and parked_at is null order by id limit ?";
    List<OutboxRow> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setInt(1, config.outbox().batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new OutboxRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class),
                  rs.getString(8),
                  rs.getBytes(9),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    }
    return rows;
  }

  private void markSent(Connection connection, List<OutboxRow> rows) throws SQLException {
    Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
    Array array = connection.createArrayOf("bigint", ids);
    try (PreparedStatement update =
        connection.prepareStatement(
            "update " + table() + " set sent_at = now() where id = any(?)")) {
      update.setArray(1, array);
      update.executeUpdate();
    }
  }

  private void cleanupNowAndThen() throws SQLException {
    if (Duration.between(lastCleanup, Instant.now()).toMinutes() < 10) {
      return;
    }
    lastCleanup = Instant.now();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "delete from " + table() + " where sent_at < now() - make_interval(secs => ?)")) {
      delete.setLong(1, config.outbox().retention().toSeconds());
      int deleted = delete.executeUpdate();
      if (deleted > 0) {
        LOG.debugf("Deleted %d published outbox rows past retention", deleted);
      }
    }
  }
}
