package dev.runway.guard.notify;

import dev.runway.guard.state.NotificationRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
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
  private static final Logger LOG = Logger.getLogger(WebhookSender.class);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void send() throws Throwable {
    List<NotificationRow> due =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(
                    () ->
                        NotificationRow.<NotificationRow>find(
                                "sentAt is null and attempts < ?1 and nextAttemptAt <= ?2"
                                    + " order by id",
                                MAX_ATTEMPTS,
                                OffsetDateTime.now())
                            .page(0, 20)
                            .list()));
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
