package dev.runway.guard.api;

import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.RolloutStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.guard.engine.RolloutEngine;
import dev.runway.guard.rollout.Input;
import dev.runway.guard.rollout.RegionPhase;
import dev.runway.guard.rollout.Rollout;
import dev.runway.guard.state.RolloutRow;
import dev.runway.service.api.ApiProblem;
import dev.runway.service.outbox.Outbox;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Rollouts for operators: read every rollout's step, traffic and verdicts, and pause, resume, roll
 * back or promote. Every change goes through the state machine like any other input.
 */
@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

  private final RolloutEngine engine;
  private final Outbox outbox;

  public RolloutResource(RolloutEngine engine, Outbox outbox) {
    this.engine = engine;
    this.outbox = outbox;
  }

  @GET
  public Uni<List<RolloutView>> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
    return Panache.withSession(
        () ->
            RolloutRow.recent(Math.max(1, Math.min(limit, 500)))
                .map(rows -> rows.stream().map(RolloutView::of).toList()));
  }

  @GET
  @APIResponse(
      responseCode = "200",
      description = "The service's rollouts, newest first",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(type = SchemaType.ARRAY, implementation = RolloutView.class)))
  @Path("/{service}")
  public Uni<Response> of(@PathParam("service") String service) {
    return Panache.withSession(
        () ->
            RolloutRow.of(service)
                .map(
                    rows ->
                        rows.isEmpty()
                            ? noRollout(service)
                            : Response.ok(rows.stream().map(RolloutView::of).toList()).build()));
  }

  @POST
  @APIResponse(
      responseCode = "200",
      description = "The paused rollouts",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(type = SchemaType.ARRAY, implementation = RolloutView.class)))
  @Path("/{service}/pause")
  public Uni<Response> pause(
      @PathParam("service") String service, @QueryParam("env") String environment) {
    return onActive(service, environment, at -> new Input.Pause(at));
  }

  @POST
  @APIResponse(
      responseCode = "200",
      description = "The resumed rollouts",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(type = SchemaType.ARRAY, implementation = RolloutView.class)))
  @Path("/{service}/resume")
  public Uni<Response> resume(
      @PathParam("service") String service, @QueryParam("env") String environment) {
    return onActive(service, environment, at -> new Input.Resume(at));
  }

  @POST
  @APIResponse(
      responseCode = "200",
      description = "The rollouts after the rollback was ordered",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(type = SchemaType.ARRAY, implementation = RolloutView.class)))
  @Path("/{service}/rollback")
  public Uni<Response> rollback(
      @PathParam("service") String service,
      @QueryParam("env") String environment,
      @QueryParam("region") String region) {
    if (region == null || region.isBlank()) {
      return onActive(service, environment, at -> new Input.OperatorRollback(List.of(), at));
    }
    // A mistyped region would roll back nothing and still block promotion: refuse it instead.
    return Panache.withSession(() -> RolloutRow.of(service))
        .chain(
            rows -> {
              Set<String> regions = new TreeSet<>();
              rows.stream()
                  .filter(RolloutRow::active)
                  .filter(r -> environment == null || r.environment.wire().equals(environment))
                  .forEach(r -> regions.addAll(r.rollout().regions().keySet()));
              if (!regions.isEmpty() && !regions.contains(region)) {
                return Uni.createFrom()
                    .item(
                        ApiProblem.response(
                            400,
                            "region " + region + " is not in the rollout of " + service,
                            "Name one of its regions: region="
                                + String.join(" or region=", regions)
                                + ", or leave region out to roll back every region."));
              }
              return onActive(
                  service, environment, at -> new Input.OperatorRollback(List.of(region), at));
            });
  }

  /** Approves the newest staging rollout for production by hand, unless it was rolled back. */
  @POST
  @Path("/{service}/promote")
  @APIResponse(
      responseCode = "202",
      description = "PromotionApproved is published",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Promoted.class)))
  public Uni<Response> promote(@PathParam("service") String service) {
    return Panache.withTransaction(
        () ->
            RolloutRow.of(service)
                .chain(
                    rows -> {
                      RolloutRow newest =
                          rows.stream()
                              .filter(r -> r.environment == Environment.STAGING)
                              .findFirst()
                              .orElse(null);
                      if (newest == null) {
                        return Uni.createFrom().item(noRollout(service));
                      }
                      Rollout rollout = newest.rollout();
                      boolean rolledBack =
                          rollout.regions().values().stream()
                              .anyMatch(r -> r.phase() == RegionPhase.ROLLED_BACK);
                      if (rolledBack || rollout.status() == RolloutStatus.FAILED) {
                        return Uni.createFrom()
                            .item(
                                ApiProblem.response(
                                    409,
                                    rollout.revision() + " was rolled back in staging",
                                    "A rolled-back revision is not promoted; fix it and apply a"
                                        + " new manifest to staging."));
                      }
                      return outbox
                          .add(
                              new PromotionApproved(service, rollout.revision(), Instant.now()),
                              Context.current())
                          .map(
                              e ->
                                  Response.accepted(new Promoted(rollout.revision(), e.id()))
                                      .build());
                    }));
  }

  private Uni<Response> onActive(
      String service, String environmentName, Function<Instant, Input> input) {
    Optional<Environment> named = Environment.named(environmentName);
    if (environmentName != null && named.isEmpty()) {
      return Uni.createFrom()
          .item(
              ApiProblem.response(
                  400,
                  "Unknown environment " + environmentName,
                  "Use env="
                      + Environment.ALL.stream()
                          .map(Environment::wire)
                          .collect(java.util.stream.Collectors.joining(" or env="))
                      + ", or leave it out."));
    }
    Environment environment = named.orElse(null);
    Instant at = Instant.now();
    return Panache.withTransaction(
        () ->
            ids(service, environment)
                .chain(
                    ids -> {
                      if (ids.isEmpty()) {
                        return Uni.createFrom()
                            .item(
                                ApiProblem.response(
                                    404,
                                    "No rollout in progress for "
                                        + service
                                        + (environment == null ? "" : " in " + environment),
                                    "See ./runway status " + service + " for its rollouts."));
                      }
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      for (String id : ids) {
                        chain =
                            chain.chain(
                                () -> engine.apply(id, input.apply(at), null, Context.current()));
                      }
                      return chain
                          .chain(() -> RolloutRow.of(service))
                          .map(
                              after ->
                                  Response.ok(
                                          after.stream()
                                              .filter(r -> ids.contains(r.id))
                                              .map(RolloutView::of)
                                              .toList())
                                      .build());
                    }));
  }

  private static Uni<List<String>> ids(String service, Environment environment) {
    if (environment != null) {
      return RolloutRow.activeIds(service, environment);
    }
    return RolloutRow.activeIds(service, Environment.STAGING)
        .chain(
            staging ->
                RolloutRow.activeIds(service, Environment.PRODUCTION)
                    .map(
                        production -> {
                          List<String> all = new java.util.ArrayList<>(staging);
                          all.addAll(production);
                          return all;
                        }));
  }

  private static Response noRollout(String service) {
    return ApiProblem.response(
        404,
        "No rollout of " + service,
        "A rollout starts when a new revision is deployed: ./runway apply -f <manifest> --env"
            + " staging.");
  }
}
