package dev.runway.provisioner.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.InventoryChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.events.ServiceDecommissionRequested;
import dev.runway.common.events.ServiceRequested;
import dev.runway.common.inventory.Inventory;
import dev.runway.common.inventory.InventoryService;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryDiffTest {

  private static InventoryService svc(String name, long project, String... regions) {
    return new InventoryService(name, project, List.of(regions));
  }

  private static Inventory inventory(InventoryService... services) {
    return new Inventory(List.of(services));
  }

  @Test
  void shouldAddEveryServiceOfAFirstInventory() {
    InventoryPlan plan =
        InventoryDiff.between(
            List.of(), inventory(svc("b", 1, "us-east1"), svc("a", 1, "us-west1")));

    assertThat(plan.changes())
        .containsExactly(
            new ServiceChange("a", ServiceChange.Kind.ADDED, 1, List.of("us-west1"), List.of()),
            new ServiceChange("b", ServiceChange.Kind.ADDED, 1, List.of("us-east1"), List.of()));
    assertThat(plan.unchanged()).isEmpty();
    assertThat(plan.applied()).isFalse();
  }

  @Test
  void shouldChangeNothingForTheSameInventory() {
    List<InventoryService> current = List.of(svc("a", 1, "us-east1", "us-west1"));

    InventoryPlan plan =
        InventoryDiff.between(current, inventory(svc("a", 1, "us-east1", "us-west1")));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unchanged()).containsExactly("a");
  }

  @Test
  void shouldIgnoreTheOrderOfRegions() {
    List<InventoryService> current = List.of(svc("a", 1, "us-east1", "us-west1"));

    assertThat(
            InventoryDiff.between(current, inventory(svc("a", 1, "us-west1", "us-east1")))
                .isEmpty())
        .isTrue();
  }

  @Test
  void shouldChangeAServiceWhoseRegionsOrProjectChanged() {
    List<InventoryService> current = List.of(svc("a", 1, "us-east1"), svc("b", 1, "us-east1"));

    InventoryPlan plan =
        InventoryDiff.between(
            current, inventory(svc("a", 1, "us-east1", "europe-west1"), svc("b", 2, "us-east1")));

    assertThat(plan.changes())
        .containsExactly(
            new ServiceChange(
                "a",
                ServiceChange.Kind.CHANGED,
                1,
                List.of("us-east1", "europe-west1"),
                List.of("us-east1")),
            new ServiceChange(
                "b", ServiceChange.Kind.CHANGED, 2, List.of("us-east1"), List.of("us-east1")));
  }

  @Test
  void shouldRemoveServicesMissingFromTheNewInventory() {
    InventoryPlan plan = InventoryDiff.between(List.of(svc("gone", 7, "us-east1")), inventory());

    assertThat(plan.changes())
        .containsExactly(
            new ServiceChange(
                "gone", ServiceChange.Kind.REMOVED, 7, List.of(), List.of("us-east1")));
    assertThat(plan.changes().get(0).event())
        .isEqualTo(new ServiceDecommissionRequested("gone", List.of("us-east1")));
  }

  @Test
  void shouldTurnChangesIntoEvents() {
    InventoryPlan plan =
        InventoryDiff.between(
            List.of(
                svc("old", 1, "us-east1"), svc("same", 1, "us-east1"), svc("moved", 1, "us-east1")),
            inventory(
                svc("new", 1, "us-west1"),
                svc("same", 1, "us-east1"),
                svc("moved", 1, "us-west1")));

    assertThat(plan.changes().stream().map(ServiceChange::event).toList())
        .containsExactly(
            new ServiceRequested("moved", 1, List.of("us-west1"), List.of("us-east1")),
            new ServiceRequested("new", 1, List.of("us-west1"), List.of()),
            new ServiceDecommissionRequested("old", List.of("us-east1")));
    assertThat(plan.event(Origin.api))
        .isEqualTo(
            new InventoryChanged(Origin.api, List.of("new"), List.of("moved"), List.of("old"), 3));
  }
}
