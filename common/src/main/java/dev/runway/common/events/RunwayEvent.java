package dev.runway.common.events;

/**
 * An event on Runway's bus: a fact in the past tense about one service.
 *
 * <p>{@link #service()} becomes the Kafka record key and the CloudEvent {@code subject}, so every
 * event about one service keeps its order within a topic. The permitted records are the whole
 * contract; {@link EventTypes} gives each its {@code ce_type}, version and topic.
 */
public sealed interface RunwayEvent
    permits InventoryChanged,
        ServiceRequested,
        ServiceProvisioned,
        ServiceProvisioningFailed,
        ServiceDecommissionRequested,
        ServiceDecommissioned,
        ManifestChanged,
        DryRunRequested,
        ChangeHeld,
        ChangeReleased,
        DryRunPlanned,
        RegionDeployRequested,
        RegionDeployed,
        RegionDeployFailed,
        TrafficShifted,
        TrafficShiftFailed,
        RegionRemoved,
        DeploymentCompleted,
        RequestStats,
        SloBreached,
        SloRecovered,
        SloStatusChanged,
        RolloutStarted,
        TrafficShiftRequested,
        RollbackRequested,
        RolledBack,
        RollbackFailed,
        PromotionApproved,
        PromotionBlocked,
        RolloutStalled,
        RolloutFinished {

  /** The service this event is about; the record key and CloudEvent subject. */
  String service();
}
