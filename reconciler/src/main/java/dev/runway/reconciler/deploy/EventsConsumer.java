package dev.runway.reconciler.deploy;

import dev.runway.common.events.DryRunRequested;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.reconciler.change.ChangeGate;
import dev.runway.reconciler.rollout.Promotions;
import dev.runway.reconciler.rollout.RolloutOrders;
import dev.runway.reconciler.state.ProvisionedService;
import dev.runway.service.messaging.EventConsumption;
import dev.runway.service.messaging.InboundEvent;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The reconciler's inputs: which services are provisioned where (runway.services), what they should
 * run (runway.manifests), and the rollout guard's orders (runway.rollouts: traffic steps,
 * rollbacks, promotions). It does not consume its own runway.deployments: a fan-out's regions are
 * started from its records once the manifest's transaction commits.
 */
@ApplicationScoped
public class EventsConsumer {

  static final String CONSUMER = "reconciler";

  private final EventConsumption consumption;
  private final Reconciliation reconciliation;
  private final RegionDeployer deployer;
  private final RolloutOrders orders;
  private final Promotions promotions;
  private final ChangeGate gate;
  private final HeldChanges held;

  public EventsConsumer(
      EventConsumption consumption,
      Reconciliation reconciliation,
      RegionDeployer deployer,
      RolloutOrders orders,
      Promotions promotions,
      ChangeGate gate,
      HeldChanges held) {
    this.consumption = consumption;
    this.reconciliation = reconciliation;
    this.deployer = deployer;
    this.orders = orders;
    this.promotions = promotions;
    this.gate = gate;
    this.held = held;
  }

  @Incoming("services")
  public Uni<Void> onService(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, EventsConsumer::provisioning);
  }

  @Incoming("manifests")
  public Uni<Void> onManifest(Message<byte[]> message) {
    AtomicReference<InboundEvent> applied = new AtomicReference<>();
    return consumption
        .consume(CONSUMER, message, event -> manifest(event, applied))
        .chain(() -> driveCommitted(applied.get()));
  }

  @Incoming("rollouts")
  public Uni<Void> onRollout(Message<byte[]> message) {
    AtomicReference<List<ManifestChanged>> released = new AtomicReference<>(List.of());
    AtomicReference<Context> trace = new AtomicReference<>(Context.root());
    return consumption
        .consume(
            CONSUMER,
            message,
            event -> {
              trace.set(event.trace());
              return rollout(event, released);
            })
        .chain(() -> held.drive(released.get(), trace.get()));
  }

  private Uni<Void> rollout(InboundEvent event, AtomicReference<List<ManifestChanged>> released) {
    if (event.data() instanceof TrafficShiftRequested order) {
      return orders.shift(order, event.trace());
    }
    if (event.data() instanceof RollbackRequested order) {
      return orders.rollback(order, event.trace());
    }
    if (event.data() instanceof PromotionApproved approval) {
      // A held production change of this image goes first: the promotion then finds production
      // on the image already, instead of overwriting the held change's other edits.
      return held.stagingSucceeded(approval, event.trace())
          .invoke(released::set)
          .chain(() -> promotions.promote(approval, event.trace()));
    }
    return Uni.createFrom().voidItem();
  }

  private static Uni<Void> provisioning(InboundEvent event) {
    if (event.data() instanceof ServiceProvisioned provisioned) {
      return ProvisionedService.<ProvisionedService>findById(provisioned.service())
          .chain(
              found -> {
                ProvisionedService service = found == null ? new ProvisionedService() : found;
                service.name = provisioned.service();
                service.regions = String.join(",", provisioned.regions());
                return service.persist().replaceWithVoid();
              });
    }
    if (event.data() instanceof ServiceDecommissioned decommissioned) {
      return ProvisionedService.deleteById(decommissioned.service()).replaceWithVoid();
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> manifest(InboundEvent event, AtomicReference<InboundEvent> applied) {
    if (event.data() instanceof ManifestChanged change) {
      return gate.admit(change, event.trace())
          .chain(
              goes -> {
                if (!goes) {
                  return Uni.createFrom().voidItem();
                }
                applied.set(event);
                return reconciliation.apply(change, event.trace());
              });
    }
    if (event.data() instanceof DryRunRequested request) {
      return reconciliation.dryRun(request, event.trace());
    }
    return Uni.createFrom().voidItem();
  }

  /**
   * Starts the regions a committed manifest left deploying, read back from the records. The event
   * is already acknowledged here, so a failure to read is logged, not thrown: drift correction
   * drives every deploying region again within its interval.
   */
  private Uni<Void> driveCommitted(InboundEvent event) {
    if (event == null || !(event.data() instanceof ManifestChanged change)) {
      return Uni.createFrom().voidItem();
    }
    return deployer.drivePending(change.service(), change.environment(), event.trace());
  }
}
