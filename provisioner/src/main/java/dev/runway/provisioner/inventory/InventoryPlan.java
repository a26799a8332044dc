package dev.runway.provisioner.inventory;

import dev.runway.common.events.InventoryChanged;
import dev.runway.common.events.Origin;
import java.util.List;

/**
 * The difference between the current inventory and a new one.
 *
 * @param changes what changes, service by service, in name order
 * @param unchanged services that stay as they are
 * @param applied false for a dry run
 */
public record InventoryPlan(List<ServiceChange> changes, List<String> unchanged, boolean applied) {

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public InventoryPlan asApplied() {
    return new InventoryPlan(changes, unchanged, true);
  }

  /** The platform-wide fact this plan becomes when applied. */
  public InventoryChanged event(Origin origin) {
    return new InventoryChanged(
        origin,
        names(ServiceChange.Kind.ADDED),
        names(ServiceChange.Kind.CHANGED),
        names(ServiceChange.Kind.REMOVED),
        unchanged.size()
            + (int) changes.stream().filter(c -> c.kind() != ServiceChange.Kind.REMOVED).count());
  }

  private List<String> names(ServiceChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).map(ServiceChange::service).toList();
  }
}
