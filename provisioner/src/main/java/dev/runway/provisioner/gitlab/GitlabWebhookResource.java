package dev.runway.provisioner.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runway.common.json.WireJson;
import dev.runway.service.api.ApiProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/gitlab}: authenticates the delivery by its {@code X-Gitlab-Token}, records
 * it once under its delivery key and answers 202. Reading manifests and publishing happen after the
 * answer ({@link DeliveryProcessor}), so GitLab never waits on Runway's own calls to GitLab. A
 * fault in recording answers 503, never a 4xx: GitLab disables a hook that keeps answering 4xx, and
 * retries a 5xx.
 */
@Path("/webhooks/gitlab")
public class GitlabWebhookResource {

  private static final Logger LOG = Logger.getLogger(GitlabWebhookResource.class);
  static final String RECEIVED = "runway.gitlab.delivery-received";

  private final GitlabConfig config;
  private final EventBus bus;

  public GitlabWebhookResource(GitlabConfig config, EventBus bus) {
    this.config = config;
    this.bus = bus;
  }

  @POST
  @APIResponse(
      responseCode = "202",
      description =
          "Recorded (or a duplicate of a delivery already recorded); handled after the answer",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DeliveryReceipt.class)))
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> receive(@Context HttpHeaders headers, String body) {
    if (config.webhookSecret().isEmpty()) {
      return Uni.createFrom()
          .item(
              ApiProblem.response(
                  503,
                  "GitLab webhook secret not configured",
                  "Set RUNWAY_GITLAB_WEBHOOK_SECRET to the webhook's secret token; GitLab keeps"
                      + " retrying until then."));
    }
    if (!authentic(headers.getHeaderString("X-Gitlab-Token"))) {
      return Uni.createFrom()
          .item(
              ApiProblem.response(
                  401,
                  "Wrong or missing X-Gitlab-Token",
                  "Set the webhook's secret token in GitLab to runway.gitlab.webhook-secret."));
    }
    String event = headers.getHeaderString("X-Gitlab-Event");
    if (event == null || event.isBlank()) {
      return Uni.createFrom()
          .item(
              ApiProblem.response(
                  400,
                  "X-Gitlab-Event header is required",
                  "GitLab names the hook in X-Gitlab-Event, such as 'Push Hook'."));
    }
    try {
      WireJson.mapper().readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return Uni.createFrom()
          .item(
              ApiProblem.response(
                  400,
                  "The body is not JSON",
                  "GitLab sends the hook as a JSON object; " + e.getOriginalMessage()));
    }
    String key = DeliveryKey.of(headers::getHeaderString, body);
    return record(key, event, body)
        .map(
            inserted -> {
              if (inserted) {
                bus.send(RECEIVED, key);
              }
              return Response.accepted(
                      new DeliveryReceipt(key, inserted ? "accepted" : "duplicate"))
                  .build();
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.errorf(
                  e, "Could not record GitLab delivery %s; answering 503 so GitLab retries", key);
              return ApiProblem.response(
                  503,
                  "The delivery could not be recorded",
                  "GitLab retries it; nothing was lost.");
            });
  }

  private boolean authentic(String presented) {
    byte[] expected = config.webhookSecret().orElseThrow().getBytes(StandardCharsets.UTF_8);
    byte[] actual = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }

  /** True when this is the first time the key is seen; a replay inserts nothing. */
  private static Uni<Boolean> record(String key, String event, String body) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createMutationQuery(
                                "insert into GitlabDelivery"
                                    + " (key, event, payload, receivedAt, state, attempts,"
                                    + " nextAttemptAt) values (?1, ?2, ?3, ?4, ?5, 0, ?4)"
                                    + " on conflict do nothing")
                            .setParameter(1, key)
                            .setParameter(2, event)
                            .setParameter(3, body)
                            .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                            .setParameter(5, GitlabDelivery.PENDING)
                            .executeUpdate())
                .map(count -> count == 1));
  }
}
