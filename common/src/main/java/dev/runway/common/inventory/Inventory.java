package dev.runway.common.inventory;

import java.util.List;

/**
 * The platform inventory: {@code {"inventory": [{"name", "project_id", "regions"}]}}.
 *
 * @param inventory the services, in file order
 */
public record Inventory(List<InventoryService> inventory) {

  public Inventory {
    inventory = List.copyOf(inventory);
  }
}
