package dev.runway.common.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of every event type on Runway's bus. docs/events.md is generated from it. */
public final class EventTypes {
  private EventTypes() {}

  public static final List<EventType<?>> ALL =
      List.of(
          new EventType<>(
              "InventoryChanged",
              1,
              InventoryChanged.class,
              Topics.SERVICES,
              "A valid inventory replaced the previous one; lists what it added, changed and removed."),
          new EventType<>(
              "ServiceRequested",
              1,
              ServiceRequested.class,
              Topics.SERVICES,
              "A service is new in the inventory or its regions changed; it needs provisioning."),
          new EventType<>(
              "ServiceProvisioned",
              1,
              ServiceProvisioned.class,
              Topics.SERVICES,
              "Every resource a service needs exists in all its regions; it can be deployed."),
          new EventType<>(
              "ServiceProvisioningFailed",
              1,
              ServiceProvisioningFailed.class,
              Topics.SERVICES,
              "Provisioning a service failed; the reason says why. Nothing was deployed."),
          new EventType<>(
              "ServiceDecommissionRequested",
              1,
              ServiceDecommissionRequested.class,
              Topics.SERVICES,
              "A service was removed from the inventory; its resources must go."),
          new EventType<>(
              "ServiceDecommissioned",
              1,
              ServiceDecommissioned.class,
              Topics.SERVICES,
              "A removed service's resources are gone."),
          new EventType<>(
              "ManifestChanged",
              1,
              ManifestChanged.class,
              Topics.MANIFESTS,
              "A service's manifest for one environment changed: the desired state to converge to."),
          new EventType<>(
              "ChangeHeld",
              1,
              ChangeHeld.class,
              Topics.DEPLOYMENTS,
              "A manifest change waits: the production change lock or a deploy freeze window holds"
                  + " it, and the reason says what releases it."),
          new EventType<>(
              "ChangeReleased",
              1,
              ChangeReleased.class,
              Topics.DEPLOYMENTS,
              "A held manifest change goes ahead: what held it is gone."),
          new EventType<>(
              "DryRunRequested",
              1,
              DryRunRequested.class,
              Topics.MANIFESTS,
              "Someone asks what a proposed manifest would change; nothing is applied."),
          new EventType<>(
              "DryRunPlanned",
              1,
              DryRunPlanned.class,
              Topics.MANIFESTS,
              "The plan of a dry run: per region the action, revisions and changed fields."),
          new EventType<>(
              "RegionDeployRequested",
              1,
              RegionDeployRequested.class,
              Topics.DEPLOYMENTS,
              "Deploy one revision to one region; one per region, carried out concurrently."),
          new EventType<>(
              "RegionDeployed",
              1,
              RegionDeployed.class,
              Topics.DEPLOYMENTS,
              "A revision runs and is ready in one region."),
          new EventType<>(
              "RegionDeployFailed",
              1,
              RegionDeployFailed.class,
              Topics.DEPLOYMENTS,
              "Deploying to one region failed; the other regions carry on."),
          new EventType<>(
              "TrafficShifted",
              1,
              TrafficShifted.class,
              Topics.DEPLOYMENTS,
              "The traffic split between revisions changed in one region."),
          new EventType<>(
              "TrafficShiftFailed",
              1,
              TrafficShiftFailed.class,
              Topics.DEPLOYMENTS,
              "A traffic step the guard asked for could not be applied, and why; the guard asks"
                  + " again inside the step's deadline."),
          new EventType<>(
              "RegionRemoved",
              1,
              RegionRemoved.class,
              Topics.DEPLOYMENTS,
              "A region left the manifest: its revisions stopped and it takes no traffic."),
          new EventType<>(
              "DeploymentCompleted",
              1,
              DeploymentCompleted.class,
              Topics.DEPLOYMENTS,
              "Every region of a deployment has ended, deployed or failed."),
          new EventType<>(
              "RequestStats",
              1,
              RequestStats.class,
              Topics.TELEMETRY,
              "One second of a revision's traffic in a region, from the gateway router."),
          new EventType<>(
              "SloBreached",
              1,
              SloBreached.class,
              Topics.SLO,
              "A revision in one region burns an SLI's error budget too fast; once per breach."),
          new EventType<>(
              "SloRecovered",
              1,
              SloRecovered.class,
              Topics.SLO,
              "A breaching revision in one region fires no rule any more; once per recovery."),
          new EventType<>(
              "SloStatusChanged",
              1,
              SloStatusChanged.class,
              Topics.SLO,
              "A revision's overall SLO status in a region changed (HEALTHY, INSUFFICIENT_DATA, BREACHED)."),
          new EventType<>(
              "RolloutStarted",
              1,
              RolloutStarted.class,
              Topics.ROLLOUTS,
              "The rollout guard took charge of a deployed revision and starts its traffic steps."),
          new EventType<>(
              "TrafficShiftRequested",
              1,
              TrafficShiftRequested.class,
              Topics.ROLLOUTS,
              "The guard asks for a revision to get a share of a region's traffic (the next step)."),
          new EventType<>(
              "RollbackRequested",
              1,
              RollbackRequested.class,
              Topics.ROLLOUTS,
              "The guard asks for a region's traffic to go back to the previous revision at once."),
          new EventType<>(
              "RolledBack",
              1,
              RolledBack.class,
              Topics.DEPLOYMENTS,
              "A region's traffic is back on the previous revision; the bad one is quarantined there."),
          new EventType<>(
              "RollbackFailed",
              1,
              RollbackFailed.class,
              Topics.ROLLOUTS,
              "A rollback cannot help in a region; the guard stops there for a person."),
          new EventType<>(
              "PromotionApproved",
              1,
              PromotionApproved.class,
              Topics.ROLLOUTS,
              "Staging finished every step healthy: production takes the same image."),
          new EventType<>(
              "PromotionBlocked",
              1,
              PromotionBlocked.class,
              Topics.ROLLOUTS,
              "Staging did not finish healthy: production stays as it is."),
          new EventType<>(
              "RolloutStalled",
              1,
              RolloutStalled.class,
              Topics.ROLLOUTS,
              "A step outlived its progress deadline: the rollout is paused for an operator, or"
                  + " rolled back."),
          new EventType<>(
              "RolloutFinished",
              1,
              RolloutFinished.class,
              Topics.ROLLOUTS,
              "A rollout ended: succeeded, rolled back, or failed for a person to look at."));

  private static final Map<Class<?>, EventType<?>> BY_CLASS =
      ALL.stream().collect(Collectors.toMap(EventType::type, Function.identity()));
  private static final Map<String, EventType<?>> BY_CE_TYPE =
      ALL.stream().collect(Collectors.toMap(EventType::ceType, Function.identity()));

  /** The type of an event record; every permitted record has one. */
  public static EventType<?> of(RunwayEvent event) {
    EventType<?> type = BY_CLASS.get(event.getClass());
    if (type == null) {
      throw new IllegalStateException("no EventType registered for " + event.getClass());
    }
    return type;
  }

  /** The type a {@code ce_type} names, if this build knows it. */
  public static Optional<EventType<?>> byCeType(String ceType) {
    return Optional.ofNullable(BY_CE_TYPE.get(ceType));
  }

  /** Whether this build knows any version of the named event. */
  public static boolean knowsName(String name) {
    return ALL.stream().anyMatch(t -> t.name().equals(name));
  }
}
