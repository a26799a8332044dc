package dev.runway.common.events;

import java.util.List;
import java.util.Map;

/** One representative instance of every event type: the snapshots and the catalogue use them. */
final class EventSamples {
  private EventSamples() {}

  static final Map<Class<? extends RunwayEvent>, RunwayEvent> BY_TYPE =
      Map.of(
          InventoryChanged.class,
          new InventoryChanged(
              "api", List.of("example-service"), List.of(), List.of("old-service"), 1),
          ServiceRequested.class,
          new ServiceRequested(
              "example-service",
              46267196,
              List.of("europe-west1", "us-east1", "us-west1"),
              List.of("europe-west1")),
          ServiceProvisioned.class,
          new ServiceProvisioned(
              "example-service",
              46267196,
              List.of("europe-west1"),
              "crun-example-service@runway-local.iam.gserviceaccount.com",
              List.of(
                  new ProvisionedResource(
                      "google_service_account", "crun-example-service", "global"),
                  new ProvisionedResource(
                      "google_cloud_run_v2_service", "example-service", "europe-west1"))),
          ServiceProvisioningFailed.class,
          new ServiceProvisioningFailed(
              "example-service", List.of("europe-west1"), "cannot write main.tf.json: disk full"),
          ServiceDecommissionRequested.class,
          new ServiceDecommissionRequested("example-service", List.of("europe-west1", "us-east1")),
          ServiceDecommissioned.class,
          new ServiceDecommissioned(
              "example-service",
              List.of(
                  new ProvisionedResource(
                      "google_cloud_run_v2_service", "example-service", "europe-west1"))));

  static RunwayEvent of(EventType<?> type) {
    RunwayEvent sample = BY_TYPE.get(type.type());
    if (sample == null) {
      throw new AssertionError("add a sample for " + type.name() + " to EventSamples");
    }
    return sample;
  }
}
