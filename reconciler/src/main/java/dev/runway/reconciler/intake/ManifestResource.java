package dev.runway.reconciler.intake;

import dev.runway.common.events.DryRunRequested;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import dev.runway.reconciler.change.ChangeGate;
import dev.runway.reconciler.state.ProvisionedService;
import dev.runway.service.api.ApiProblem;
import dev.runway.service.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Manifest intake: {@code POST /api/v1/services/{name}/manifests/{environment}} with the manifest
 * as YAML or JSON. A valid one becomes ManifestChanged (or, with {@code dry_run=true},
 * DryRunRequested); an invalid one is refused with every problem at its line and column, and
 * nothing is deployed. A change the production change lock or a freeze window holds is accepted and
 * answered with {@code held} and the reason; {@code change_lock_override=<why>} lets it go ahead,
 * the reason recorded on its ManifestChanged.
 */
@Path("/api/v1")
public class ManifestResource {

  private final ManifestValidator validator = new ManifestValidator(RegionCatalogue.cloudRun());
  private final Outbox outbox;
  private final Vertx vertx;
  private final ChangeGate gate;

  public ManifestResource(Outbox outbox, Vertx vertx, ChangeGate gate) {
    this.outbox = outbox;
    this.vertx = vertx;
    this.gate = gate;
  }

  @POST
  @Path("/services/{name}/manifests/{environment}")
  @APIResponse(
      responseCode = "202",
      description =
          "Accepted: the change is published (ManifestAccepted), or with dry_run=true the plan is"
              + " requested (PlanRequested)",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(oneOf = {ManifestAccepted.class, PlanRequested.class})))
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Response> submit(
      @PathParam("name") String name,
      @PathParam("environment") String environmentName,
      @QueryParam("dry_run") boolean dryRun,
      @QueryParam("file") @DefaultValue("") String file,
      @QueryParam("change_lock_override") String override,
      String body) {
    if (override != null && override.isBlank()) {
      return Uni.createFrom()
          .item(
              ApiProblem.response(
                  400,
                  "change_lock_override needs a reason",
                  "Say why the change may skip the production change lock and freeze windows,"
                      + " e.g. change_lock_override=hotfix+for+INC-4711; leave it out otherwise."));
    }
    Environment environment = Environment.of(environmentName);
    String fileName = file.isBlank() ? environment.manifestPath() : file;
    return Panache.withTransaction(
        () ->
            ProvisionedService.<ProvisionedService>findById(name)
                .chain(
                    provisioned -> {
                      if (provisioned == null) {
                        return Uni.createFrom().item(notProvisioned(name));
                      }
                      return vertx
                          .executeBlocking(
                              Uni.createFrom()
                                  .item(
                                      () ->
                                          validator.validate(
                                              body,
                                              fileName,
                                              Optional.of(provisioned.regionSet()))))
                          .chain(manifest -> accept(name, environment, dryRun, override, manifest));
                    }));
  }

  private Uni<Response> accept(
      String name,
      Environment environment,
      boolean dryRun,
      String override,
      RunwayManifest manifest) {
    if (!manifest.metadata().name().equals(name)) {
      throw new ValidationFailed(
          List.of(
              new Problem(
                  "$.metadata.name",
                  "must be '"
                      + name
                      + "' to be applied to "
                      + name
                      + ", got '"
                      + manifest.metadata().name()
                      + "'")));
    }
    if (dryRun) {
      String planId = "plan-" + UUID.randomUUID();
      return outbox
          .add(new DryRunRequested(name, environment, planId, manifest, Origin.api, ""))
          .map(
              e -> Response.accepted(new PlanRequested(planId, "/api/v1/plans/" + planId)).build());
    }
    ManifestChanged change =
        new ManifestChanged(name, environment, manifest, Origin.api, null, override);
    return gate.check(change)
        .chain(
            decision ->
                outbox
                    .add(change)
                    .map(
                        e ->
                            Response.accepted(
                                    new ManifestAccepted(
                                        e.id(),
                                        name,
                                        environment,
                                        "/api/v1/services/" + name + "/status",
                                        decision.held().orElse(null)))
                                .build()));
  }

  @GET
  @Path("/schemas/runway-v1.schema.json")
  @Produces("application/schema+json")
  public String schema() {
    return ManifestValidator.schemaText();
  }

  private static Response notProvisioned(String name) {
    return ApiProblem.response(
        409,
        "Service " + name + " is not provisioned",
        "Add it to the inventory (./runway inventory apply -f inventory.json) and wait for"
            + " ServiceProvisioned before applying a manifest.");
  }
}
