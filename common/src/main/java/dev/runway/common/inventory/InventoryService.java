package dev.runway.common.inventory;

import java.util.List;

/**
 * One service in the inventory, exactly as the inventory file spells it.
 *
 * @param name the Cloud Run service name
 * @param projectId the GitLab project that owns it ({@code project_id})
 * @param regions the Cloud Run regions it runs in
 */
public record InventoryService(String name, long projectId, List<String> regions) {

  public InventoryService {
    regions = List.copyOf(regions);
  }
}
