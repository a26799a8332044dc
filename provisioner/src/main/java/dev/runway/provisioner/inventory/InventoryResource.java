package dev.runway.provisioner.inventory;

import dev.runway.common.inventory.Inventory;
import dev.runway.common.inventory.InventoryValidator;
import dev.runway.common.regions.RegionCatalogue;
import io.smallrye.mutiny.Uni;
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

  public InventoryResource(InventoryApplication application) {
    this.application = application;
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
    Inventory inventory = validator.validate(body);
    return application.apply(inventory, "api", dryRun);
  }

  @GET
  @Path("/schema")
  @Produces("application/schema+json")
  public String schema() {
    return InventoryValidator.schemaText();
  }
}
