package dev.runway.provisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceProvisioningFailed;
import dev.runway.common.events.ServiceRequested;
import dev.runway.common.events.Topics;
import dev.runway.provisioner.ProvisionerTestBase;
import dev.runway.service.outbox.Outbox;
import dev.runway.service.outbox.OutboxRelay;
import dev.runway.testing.EventProducer;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import dev.runway.testing.TopicRecorder.Recorded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Effectively-once: duplicates have one effect, poison is set aside, nothing is lost. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class DeliveryGuaranteesTest extends ProvisionerTestBase {

  private static EventProducer producer;

  @Inject OutboxRelay relay;

  @Inject Outbox outbox;

  @Inject dev.runway.service.messaging.EventConsumption consumption;

  @BeforeAll
  static void startProducer() {
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void stopProducer() {
    producer.close();
  }

  private static int provisionedCount(String service) {
    return bus.events(e -> e.is(ServiceProvisioned.class, service)).size();
  }

  private static void givenProvisioned(String... services) {
    List<String> entries = new ArrayList<>();
    for (String s : services) {
      entries.add(service(s, "us-east1"));
    }
    postInventory(inventory(entries.toArray(String[]::new))).statusCode(200);
    for (String s : services) {
      await().atMost(Duration.ofSeconds(20)).until(() -> provisionedCount(s) >= 1);
    }
  }

  @Test
  void shouldHandleTheSameEventDeliveredTwiceOnce() {
    givenProvisioned("dup-service");
    ServiceRequested request =
        new ServiceRequested("dup-service", 46267196, List.of("us-east1"), List.of());
    EventEnvelope once = producer.send(request);

    producer.send(once); // the same ce_id again, as a redelivery would bring it
    producer.send(request); // a new event after it, on the same partition

    await().atMost(Duration.ofSeconds(20)).until(() -> provisionedCount("dup-service") == 3);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> provisionedCount("dup-service") == 3);
  }

  @Test
  void shouldRetryAnEventThroughADatabaseOutageAndNeverDeadLetterIt() throws Exception {
    // Given a provisioned service, and then its database refusing every connection for 10 s
    // (the ones open cut, new ones refused): longer than any fixed number of quick retries lasts
    givenProvisioned("blip-service");
    java.util.concurrent.CountDownLatch refusing = new java.util.concurrent.CountDownLatch(1);
    Thread outage =
        new Thread(
            () -> {
              try (Connection c =
                      TestInfrastructure.postgres().getTemplateDatabase().getConnection();
                  Statement s = c.createStatement()) {
                s.execute("alter database postgres allow_connections false");
                try {
                  s.execute(
                      "select pg_terminate_backend(pid) from pg_stat_activity"
                          + " where datname = 'postgres'");
                  refusing.countDown();
                  Thread.sleep(Duration.ofSeconds(10).toMillis());
                } finally {
                  s.execute("alter database postgres allow_connections true");
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "database-outage");
    long deadLettersBefore = deadLetters();
    outage.start();
    try {
      // When an event arrives in the middle of it
      assertThat(refusing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      producer.send(new ServiceRequested("blip-service", 46267196, List.of("us-east1"), List.of()));

      // Then it waits the outage out (its consumer reports itself retrying, which readiness
      // shows) and is handled once after
      await()
          .atMost(Duration.ofSeconds(8))
          .until(() -> !consumption.failures().retrying().isEmpty());
    } finally {
      outage.join();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> provisionedCount("blip-service") == 2);
    // whichever events were being handled when the database went away: this one, or the
    // decommissions the new inventory caused just before
    assertThat(deadLetters())
        .as("a transient failure is never dead-lettered")
        .isEqualTo(deadLettersBefore);
    await().atMost(Duration.ofSeconds(10)).until(() -> consumption.failures().retrying().isEmpty());
  }

  @Test
  void shouldDeadLetterAPoisonRecordAndHandleTheNextOne() {
    givenProvisioned("poisoned-service");
    producer.send(
        new ProducerRecord<>(
            Topics.SERVICES,
            "poisoned-service",
            "definitely not a CloudEvent".getBytes(StandardCharsets.UTF_8)));

    producer.send(
        new ServiceRequested("poisoned-service", 46267196, List.of("us-east1"), List.of()));

    var dead = theOneDeadLetterFor("poisoned-service");
    assertThat(TopicRecorder.header(dead, "dead-letter-reason")).contains("NOT_A_CLOUDEVENT");
    assertThat(TopicRecorder.header(dead, "dead-letter-topic")).isEqualTo(Topics.SERVICES);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8))
        .isEqualTo("definitely not a CloudEvent");
    await().atMost(Duration.ofSeconds(20)).until(() -> provisionedCount("poisoned-service") == 2);
  }

  @Test
  void shouldDeadLetterAnUnknownVersionWithItsReason() {
    producer.send(
        new ProducerRecord<>(
            Topics.SERVICES,
            null,
            "future-service",
            "{}".getBytes(StandardCharsets.UTF_8),
            List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", "future-1"),
                header("ce_source", "/runway/future"),
                header("ce_type", "runway.ServiceRequested.v7"))));

    var dead = theOneDeadLetterFor("future-service");
    assertThat(TopicRecorder.header(dead, "dead-letter-reason")).contains("UNSUPPORTED_VERSION");
  }

  @Test
  void shouldPublishWhatTheOutboxHeldWhileTheRelayWasDownExactlyOnceInOrder() throws Exception {
    List<String> names = IntStream.range(0, 20).mapToObj(i -> "outage-" + i).toList();
    relay.stop();
    try {
      postInventory(
              inventory(names.stream().map(n -> service(n, "us-east1")).toArray(String[]::new)))
          .statusCode(200);

      // Nothing reached Kafka: each ServiceRequested and the InventoryChanged wait unsent.
      assertThat(unsentInOutbox()).isEqualTo(names.size() + 1);
      assertThat(bus.events(e -> e.envelope().subject().startsWith("outage-"))).isEmpty();
    } finally {
      relay.start();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> names.stream().allMatch(n -> provisionedCount(n) == 1));
    for (String name : names) {
      List<Recorded> events = bus.events(e -> e.envelope().subject().equals(name));
      assertThat(events)
          .extracting(e -> e.envelope().data().getClass().getSimpleName())
          .containsExactly("ServiceRequested", "ServiceProvisioned");
    }
    assertThat(unsentInOutbox()).isZero();
  }

  @Test
  void shouldPublishTheEventsOfOneServiceInTheOrderTheirTransactionsCommitted() throws Throwable {
    relay.stop();
    try {
      for (int i = 0; i < 50; i++) {
        ServiceProvisioningFailed event =
            new ServiceProvisioningFailed("ordered-service", List.of("us-east1"), "attempt " + i);
        VertxContextSupport.subscribeAndAwait(
            () -> Panache.withTransaction(() -> outbox.add(event)));
      }
    } finally {
      relay.start();
    }

    List<String> reasons =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    bus
                        .events(e -> e.is(ServiceProvisioningFailed.class, "ordered-service"))
                        .stream()
                        .map(e -> ((ServiceProvisioningFailed) e.envelope().data()).reason())
                        .toList(),
                l -> l.size() == 50);
    assertThat(reasons)
        .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "attempt " + i).toList());
  }

  @Test
  void shouldRefuseAnEventTooLargeForTheBusWhereItIsWrittenAndKeepRelayingTheRest()
      throws Throwable {
    String huge = "x".repeat(600 * 1024);
    ServiceProvisioningFailed tooLarge =
        new ServiceProvisioningFailed("large-service", List.of("us-east1"), huge);
    Throwable refused =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> outbox.add(tooLarge))));
    assertThat(refused)
        .isInstanceOf(dev.runway.service.outbox.EventTooLarge.class)
        .hasMessageContaining("runway.ServiceProvisioningFailed.v1")
        .hasMessageContaining("at most 524288");
    assertThat(dev.runway.service.messaging.ConsumerFailures.poison(refused))
        .as("a consumer whose effect writes it dead-letters the record, never retries forever")
        .isTrue();

    // Nothing of it reached the outbox, so nothing waits behind it
    ServiceProvisioningFailed next =
        new ServiceProvisioningFailed("large-service", List.of("us-east1"), "small");
    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.add(next)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !bus.events(e -> e.is(ServiceProvisioningFailed.class, "large-service")).isEmpty());
    assertThat(bus.events(e -> e.is(ServiceProvisioningFailed.class, "large-service")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(((ServiceProvisioningFailed) e.envelope().data()).reason())
                    .isEqualTo("small"));
  }

  @Test
  void shouldParkARowTheBrokerRefusesForGoodAndRelayTheRowsAfterIt() throws Throwable {
    // A row written before the size check existed, or by hand: 2 MiB, over Kafka's 1 MiB
    try (Connection c = TestInfrastructure.postgres().getPostgresDatabase().getConnection();
        java.sql.PreparedStatement insert =
            c.prepareStatement(
                "insert into provisioner.outbox (topic, record_key, ce_id, ce_type, ce_source,"
                    + " ce_time, ce_subject, payload) values (?, ?, ?, ?, ?, now(), ?, ?)")) {
      insert.setString(1, Topics.SERVICES);
      insert.setString(2, "parked-service");
      insert.setString(3, "parked-" + java.util.UUID.randomUUID());
      insert.setString(4, "runway.ServiceProvisioningFailed.v1");
      insert.setString(5, "/runway/provisioner");
      insert.setString(6, "parked-service");
      insert.setBytes(7, new byte[2 << 20]);
      insert.executeUpdate();
    }
    ServiceProvisioningFailed after =
        new ServiceProvisioningFailed("parked-service", List.of("us-east1"), "after the poison");
    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.add(after)));

    // The event after it is relayed; the poison is parked with the broker's reason
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !bus.events(e -> e.is(ServiceProvisioningFailed.class, "parked-service"))
                    .isEmpty());
    try (Connection c = TestInfrastructure.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select parked_at, parked_reason, sent_at from provisioner.outbox where record_key"
                    + " = 'parked-service' and length(payload) > 1000000")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).as("parked_at").isNotNull();
      assertThat(rs.getString(2)).contains("RecordTooLargeException");
      assertThat(rs.getObject(3)).as("never marked sent").isNull();
    }
  }

  private static long deadLetters() {
    return bus.all().stream().filter(r -> r.topic().equals(Topics.DEAD_LETTER)).count();
  }

  private static ConsumerRecord<String, byte[]> theOneDeadLetterFor(String key) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                bus.all().stream()
                    .filter(r -> r.topic().equals(Topics.DEAD_LETTER) && key.equals(r.key()))
                    .toList(),
            l -> l.size() == 1)
        .get(0);
  }

  private static org.apache.kafka.common.header.Header header(String key, String value) {
    return new org.apache.kafka.common.header.internals.RecordHeader(
        key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static int unsentInOutbox() throws Exception {
    try (Connection c = TestInfrastructure.postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from provisioner.outbox where sent_at is null and (ce_subject like"
                    + " 'outage-%' or ce_type = 'runway.InventoryChanged.v1')")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
