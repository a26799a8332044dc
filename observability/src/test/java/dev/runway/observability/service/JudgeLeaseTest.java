package dev.runway.observability.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.common.events.SloStatusChanged;
import dev.runway.common.events.Topics;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.evaluation.Leadership;
import dev.runway.service.lease.Leases;
import dev.runway.testing.EventProducer;
import dev.runway.testing.RunwayTestResource;
import dev.runway.testing.TestInfrastructure;
import dev.runway.testing.TopicRecorder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two observability replicas on one database: only the one holding the judge's lease announces, and
 * a replica that lost the lease (frozen past its expiry, say) writes nothing until it holds it
 * again. The second replica here is a second holder of the same lease table.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
class JudgeLeaseTest {

  private static final String LEASE = "slo-judge";
  private static TopicRecorder bus;
  private static EventProducer producer;

  @Inject Leadership leadership;
  @Inject Leases leases;

  @BeforeAll
  static void connect() {
    bus = TopicRecorder.of(TestInfrastructure.kafkaBootstrapServers(), Topics.SLO);
    producer = new EventProducer(TestInfrastructure.kafkaBootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    bus.close();
    producer.close();
  }

  private static <T> T inTransaction(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work)
      throws Exception {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static long announcements(String service) {
    return bus.events(r -> r.is(SloStatusChanged.class, service)).size();
  }

  @Test
  void aLeaseIsHeldByOneHolderUntilItExpiresOrIsReleasedAndFencesTheOneThatLostIt()
      throws Throwable {
    Leases a = new Leases("observability.lease", "replica-a");
    Leases b = new Leases("observability.lease", "replica-b");
    assertThat(inTransaction(() -> a.acquire("test-lease", Duration.ofMillis(600)))).isTrue();
    assertThat(inTransaction(() -> b.acquire("test-lease", Duration.ofSeconds(5)))).isFalse();
    assertThat(inTransaction(() -> a.acquire("test-lease", Duration.ofMillis(600)))).isTrue();
    assertThat(inTransaction(() -> a.fence("test-lease"))).isTrue();

    // When a stops renewing, b takes the lease once it expires; a's writes are refused from then
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> inTransaction(() -> b.acquire("test-lease", Duration.ofSeconds(5))));
    assertThat(inTransaction(() -> a.fence("test-lease"))).isFalse();
    assertThat(inTransaction(() -> a.acquire("test-lease", Duration.ofSeconds(5)))).isFalse();
    assertThat(inTransaction(() -> a.live(List.of("test-lease", "no-such-lease"))))
        .containsExactly("test-lease");

    // A release hands it over at once
    inTransaction(() -> b.release("test-lease"));
    assertThat(inTransaction(() -> a.acquire("test-lease", Duration.ofSeconds(5)))).isTrue();
    assertThat(inTransaction(() -> b.live(List.of("test-lease")))).containsExactly("test-lease");
  }

  @Test
  void onlyTheReplicaHoldingTheJudgesLeaseAnnouncesStatuses() throws Throwable {
    String service = "lease-service";
    String revision = service + "-staging-00001";
    SloServiceTest.deploy(producer, service, revision);
    try (TrafficGenerator traffic =
        new TrafficGenerator(producer, service, Environment.STAGING).start()) {
      for (String region : SloServiceTest.REGIONS) {
        traffic.set(region, new TrafficGenerator.Load(revision, 100, 0, 20));
      }
      // This replica judges and announces every heartbeat
      await().atMost(Duration.ofSeconds(30)).until(() -> announcements(service) >= 3);
      assertThat(leadership.leading()).isTrue();

      // Another replica holds the lease now, as if this one had been frozen past its expiry
      inTransaction(
          () ->
              Panache.getSession()
                  .chain(
                      s ->
                          s.createNativeQuery(
                                  "update observability.lease set holder = 'replica-b',"
                                      + " expires_at = clock_timestamp() + interval '1 hour'"
                                      + " where name = :name")
                              .setParameter("name", LEASE)
                              .executeUpdate()));
      await().atMost(Duration.ofSeconds(10)).until(() -> !leadership.leading());
      // What was in flight settles; from then on this replica announces nothing for 4 s
      long[] settled = {announcements(service)};
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                long now = announcements(service);
                boolean still = now == settled[0];
                settled[0] = now;
                return still;
              });
      long before = settled[0];

      // The other replica stops: this one takes over and announces again at once
      inTransaction(
          () ->
              Panache.getSession()
                  .chain(
                      s ->
                          s.createNativeQuery("delete from observability.lease where name = :name")
                              .setParameter("name", LEASE)
                              .executeUpdate()));
      await().atMost(Duration.ofSeconds(10)).until(() -> announcements(service) > before);
      assertThat(leadership.leading()).isTrue();
      assertThat(leases.holder()).isNotEqualTo("replica-b");
    }
  }
}
