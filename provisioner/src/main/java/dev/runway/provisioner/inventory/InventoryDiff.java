package dev.runway.provisioner.inventory;

import dev.runway.common.inventory.Inventory;
import dev.runway.common.inventory.InventoryService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the current inventory with a new one. A service is changed when its project or its set
 * of regions differs; reordering regions alone changes nothing.
 */
public final class InventoryDiff {
  private InventoryDiff() {}

  public static InventoryPlan between(List<InventoryService> current, Inventory desired) {
    Map<String, InventoryService> before =
        current.stream().collect(Collectors.toMap(InventoryService::name, Function.identity()));
    Map<String, InventoryService> after =
        desired.inventory().stream()
            .collect(Collectors.toMap(InventoryService::name, Function.identity()));
    List<ServiceChange> changes = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (InventoryService wanted : after.values()) {
      InventoryService existing = before.get(wanted.name());
      if (existing == null) {
        changes.add(
            new ServiceChange(
                wanted.name(),
                ServiceChange.Kind.ADDED,
                wanted.projectId(),
                wanted.regions(),
                List.of()));
      } else if (existing.projectId() != wanted.projectId()
          || !new HashSet<>(existing.regions()).equals(new HashSet<>(wanted.regions()))) {
        changes.add(
            new ServiceChange(
                wanted.name(),
                ServiceChange.Kind.CHANGED,
                wanted.projectId(),
                wanted.regions(),
                existing.regions()));
      } else {
        unchanged.add(wanted.name());
      }
    }
    for (InventoryService existing : before.values()) {
      if (!after.containsKey(existing.name())) {
        changes.add(
            new ServiceChange(
                existing.name(),
                ServiceChange.Kind.REMOVED,
                existing.projectId(),
                List.of(),
                existing.regions()));
      }
    }
    changes.sort(Comparator.comparing(ServiceChange::service));
    unchanged.sort(Comparator.naturalOrder());
    return new InventoryPlan(List.copyOf(changes), List.copyOf(unchanged), false);
  }
}
