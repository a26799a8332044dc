package dev.runway.guard.notify;

import dev.runway.guard.state.NotificationRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Posts queued notifications, oldest first; a failed call is retried with a doubling delay (up to
 * five minutes) and given up after {@link #MAX_ATTEMPTS}, with the last error kept on its row.
 */
@ApplicationScoped
public class WebhookSender {

  static final int MAX_ATTEMPTS = 10;
  private static final int BATCH = 20;

  /** Longer than posting a whole batch takes at worst: 20 posts of at most 7 s each. */
  private static final Duration LEASE = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(WebhookSender.class);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void send() throws Throwable {
    List<NotificationRow> due =
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(WebhookSender::claim));
    for (NotificationRow row : due) {
      String error = post(row);
      VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withTransaction(
                  () ->
                      NotificationRow.<NotificationRow>findById(row.id)
                          .invoke(
                              found -> {
                                found.attempts++;
                                if (error == null) {
                                  found.sentAt = OffsetDateTime.now();
                                } else {
                                  found.lastError = error;
                                  long delay = Math.min(300, 1L << Math.min(found.attempts, 9));
                                  found.nextAttemptAt = OffsetDateTime.now().plusSeconds(delay);
                                  LOG.warnf(
                                      "Webhook %s failed (attempt %d of %d): %s",
                                      found.url, found.attempts, MAX_ATTEMPTS, error);
                                }
                              })));
    }
  }

  /**
   * Takes the due rows no other sender holds ({@code for update skip locked}) and moves their next
   * attempt a lease ahead before the commit, so a second replica's sender neither waits for them
   * nor finds them due: each notification is posted by one sender. A sender that dies between
   * posting and marking leaves its rows to be posted again once the lease is over.
   */
  private static Uni<List<NotificationRow>> claim() {
    OffsetDateTime now = OffsetDateTime.now();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select id from {h-schema}notifications where sent_at is null and"
                            + " attempts < ?1 and next_attempt_at <= ?2 order by id limit ?3"
                            + " for update skip locked",
                        Long.class)
                    .setParameter(1, MAX_ATTEMPTS)
                    .setParameter(2, now)
                    .setParameter(3, BATCH)
                    .getResultList())
        .chain(
            ids ->
                ids.isEmpty()
                    ? Uni.createFrom().item(List.<NotificationRow>of())
                    : NotificationRow.<NotificationRow>list("id in ?1 order by id", ids)
                        .invoke(rows -> rows.forEach(r -> r.nextAttemptAt = now.plus(LEASE))));
  }

  /** The error, or null when the webhook answered 2xx. */
  private String post(NotificationRow row) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(row.url))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(row.body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() / 100 == 2
          ? null
          : "HTTP " + response.statusCode() + ": " + response.body();
    } catch (IOException | IllegalArgumentException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
