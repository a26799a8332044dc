package dev.runway.common.events;

import java.util.List;

/**
 * The platform inventory was replaced by a valid new one. Keyed by {@link #INVENTORY_KEY}, since it
 * is about the whole platform rather than one service.
 *
 * @param origin where the change came from ({@code api}, {@code gitlab})
 * @param added services that are new in the inventory
 * @param changed services whose project or regions changed
 * @param removed services no longer in the inventory
 * @param services how many services the new inventory lists
 */
public record InventoryChanged(
    Origin origin, List<String> added, List<String> changed, List<String> removed, int services)
    implements RunwayEvent {

  /** Record key and subject of inventory-wide events. */
  public static final String INVENTORY_KEY = "inventory";

  public InventoryChanged {
    Require.present(origin, "origin");
    added = Require.list(added, "added");
    changed = Require.list(changed, "changed");
    removed = Require.list(removed, "removed");
  }

  @Override
  public String service() {
    return INVENTORY_KEY;
  }
}
