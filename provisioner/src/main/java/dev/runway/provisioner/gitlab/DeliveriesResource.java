package dev.runway.provisioner.gitlab;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/v1/gitlab/deliveries}: the newest webhook deliveries with what became of each, so
 * an operator can tell why a push deployed nothing.
 */
@Path("/api/v1/gitlab/deliveries")
public class DeliveriesResource {

  /** One delivery as the API shows it. */
  public record DeliveryView(
      String delivery,
      String event,
      OffsetDateTime receivedAt,
      String state,
      int attempts,
      String outcome) {}

  @GET
  @WithSession
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<List<DeliveryView>> newest(@QueryParam("limit") @DefaultValue("50") int limit) {
    return GitlabDelivery.<GitlabDelivery>find("order by receivedAt desc")
        .page(0, Math.max(1, Math.min(limit, 500)))
        .list()
        .map(
            deliveries ->
                deliveries.stream()
                    .map(
                        d ->
                            new DeliveryView(
                                d.key, d.event, d.receivedAt, d.state, d.attempts, d.outcome))
                    .toList());
  }
}
