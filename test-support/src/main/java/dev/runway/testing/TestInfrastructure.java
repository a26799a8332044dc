package dev.runway.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, started on first use on free ports
 * and stopped when the JVM exits.
 */
public final class TestInfrastructure {
  private TestInfrastructure() {}

  private static EmbeddedKafkaBroker kafka;
  private static EmbeddedPostgres postgres;

  /** The bootstrap address of the test broker, starting it if needed. */
  public static synchronized String kafkaBootstrapServers() {
    if (kafka == null) {
      kafka =
          new EmbeddedKafkaBroker()
              .withKafkaHost("127.0.0.1")
              .withDeleteLogDirsOnClose(true)
              .withAdditionalProperties(
                  props -> {
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("auto.create.topics.enable", "true");
                    props.put("num.partitions", "3");
                  })
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-stop"));
    }
    return kafka.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", "");
  }

  /** The test PostgreSQL server, starting it if needed. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot start embedded PostgreSQL; where user namespaces are blocked, start the"
                + " machine's PostgreSQL instead (see shared RECIPES)",
            e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  },
                  "test-postgres-stop"));
    }
    return postgres;
  }
}
