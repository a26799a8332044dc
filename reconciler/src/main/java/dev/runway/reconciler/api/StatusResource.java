package dev.runway.reconciler.api;

import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.state.DesiredManifest;
import dev.runway.reconciler.state.PlanRecord;
import dev.runway.reconciler.state.RegionState;
import dev.runway.service.api.ApiProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read-only views: a service's regions, and dry-run plans. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

  @GET
  @Path("/services/{name}/status")
  @APIResponse(
      responseCode = "200",
      description = "Every environment and region of the service: revision, state, traffic",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = StatusView.class)))
  public Uni<Response> status(@PathParam("name") String name) {
    return Panache.withSession(
        () ->
            DesiredManifest.<DesiredManifest>list("service", name)
                .chain(
                    desired ->
                        RegionState.<RegionState>list(
                                "service = ?1 order by environment, region", name)
                            .map(
                                regions -> {
                                  if (desired.isEmpty() && regions.isEmpty()) {
                                    return notFound(
                                        "No manifest applied for " + name,
                                        "POST one to /api/v1/services/"
                                            + name
                                            + "/manifests/{environment}.");
                                  }
                                  List<StatusView.EnvironmentView> environments = new ArrayList<>();
                                  for (Environment environment : Environment.ALL) {
                                    String revision =
                                        desired.stream()
                                            .filter(d -> d.environment == environment)
                                            .map(d -> d.revision)
                                            .findFirst()
                                            .orElse(null);
                                    List<StatusView.RegionView> views =
                                        regions.stream()
                                            .filter(r -> r.environment == environment)
                                            .map(
                                                r ->
                                                    new StatusView.RegionView(
                                                        r.region,
                                                        r.revision,
                                                        r.status.name().toLowerCase(),
                                                        r.url,
                                                        r.weights(),
                                                        r.reason,
                                                        r.restarts,
                                                        r.updatedAt))
                                            .toList();
                                    if (revision != null || !views.isEmpty()) {
                                      environments.add(
                                          new StatusView.EnvironmentView(
                                              environment, revision, views));
                                    }
                                  }
                                  return Response.ok(new StatusView(name, environments)).build();
                                })));
  }

  @GET
  @Path("/plans/{id}")
  @APIResponse(
      responseCode = "200",
      description = "The dry run's plan, once DryRunPlanned is published",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = dev.runway.common.events.DryRunPlanned.class)))
  public Uni<Response> plan(@PathParam("id") String id) {
    return Panache.withSession(
        () ->
            PlanRecord.<PlanRecord>findById(id)
                .map(
                    plan ->
                        plan == null
                            ? notFound(
                                "No plan " + id,
                                "A dry run's plan appears here once DryRunPlanned is published.")
                            : Response.ok(plan.plan()).build()));
  }

  private static Response notFound(String title, String detail) {
    return ApiProblem.response(404, title, detail);
  }
}
