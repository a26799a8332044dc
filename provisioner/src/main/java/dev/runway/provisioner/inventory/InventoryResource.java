package dev.runway.provisioner.inventory;

import dev.runway.common.events.Origin;
import dev.runway.common.inventory.Inventory;
import dev.runway.common.inventory.InventoryValidator;
import dev.runway.common.regions.RegionCatalogue;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The platform inventory: read it, replace it, and the schema it must follow. */
@Path("/api/v1/inventory")
public class InventoryResource {

  private final InventoryValidator validator = new InventoryValidator(RegionCatalogue.cloudRun());
  private final InventoryApplication application;
  private final Vertx vertx;

  public InventoryResource(InventoryApplication application, Vertx vertx) {
    this.application = application;
    this.vertx = vertx;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Inventory> current() {
    return application.current();
  }

  /**
   * Replaces the inventory. An invalid one is refused with 400 and every problem by path, and
   * changes nothing; {@code ?dry_run=true} only answers what would change.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<InventoryPlan> replace(String body, @QueryParam("dry_run") boolean dryRun) {
    // Validating a large inventory is CPU work; keep it off the event loop the consumers share.
    return vertx
        .executeBlocking(Uni.createFrom().item(() -> validator.validate(body)))
        .chain(inventory -> application.apply(inventory, Origin.api, dryRun));
  }

  @GET
  @Path("/schema")
  @Produces("application/schema+json")
  public String schema() {
    return InventoryValidator.schemaText();
  }
}
