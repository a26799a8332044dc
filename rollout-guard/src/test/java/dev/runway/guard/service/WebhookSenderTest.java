package dev.runway.guard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runway.guard.notify.WebhookSender;
import dev.runway.guard.state.NotificationRow;
import dev.runway.testing.RunwayTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Two guard replicas share one database: each notification must still be posted once. */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.GLOBAL)
class WebhookSenderTest {

  @Inject WebhookSender sender;

  @ConfigProperty(name = "runway.guard.webhooks")
  String hook;

  @Test
  void sendersRacingForTheSameRowsPostEachNotificationOnce() throws Throwable {
    // Given notifications queued and due
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bodies.add("{\"text\":\"race-" + i + "\"}");
    }
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () -> {
                  List<NotificationRow> rows = new ArrayList<>();
                  for (String body : bodies) {
                    NotificationRow row = new NotificationRow();
                    row.url = hook;
                    row.body = body;
                    row.nextAttemptAt = OffsetDateTime.now();
                    rows.add(row);
                  }
                  return NotificationRow.persist(rows);
                }));

    // When two senders, as two replicas would, look for due rows at the same moment (the
    // scheduled one, a third, is running as well)
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> senders = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      senders.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                  sender.send();
                } catch (Throwable e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    start.countDown();
    CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    // Then every body reaches the webhook, and none twice
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> WebhookReceiver.RECEIVED.containsAll(bodies));
    // and stays so through the scheduler's next passes, when a late duplicate would arrive
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              for (String body : bodies) {
                assertThat(WebhookReceiver.RECEIVED.stream().filter(body::equals).count())
                    .as(body)
                    .isEqualTo(1);
              }
            });
  }
}
