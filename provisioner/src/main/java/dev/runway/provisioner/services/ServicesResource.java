package dev.runway.provisioner.services;

import dev.runway.service.api.ApiProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read-only views of the services the provisioner knows. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

  @GET
  public Uni<List<ServiceSummary>> list() {
    return Panache.withSession(
        () ->
            ServiceRecord.<ServiceRecord>list("order by name")
                .map(records -> records.stream().map(ServiceSummary::of).toList()));
  }

  @GET
  @Path("/{name}")
  @APIResponse(
      responseCode = "200",
      description = "The service, its resources and its event history",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ServiceDetail.class)))
  public Uni<Response> get(@PathParam("name") String name) {
    return Panache.withSession(
        () ->
            ServiceRecord.<ServiceRecord>findById(name)
                .chain(
                    record ->
                        record == null
                            ? Uni.createFrom().item(notFound(name))
                            : ServiceEventRecord.historyOf(name)
                                .map(
                                    history ->
                                        Response.ok(ServiceDetail.of(record, history)).build())));
  }

  private static Response notFound(String name) {
    return ApiProblem.response(
        404,
        "No service named " + name,
        "GET /api/v1/services lists the services the inventory has named.");
  }
}
