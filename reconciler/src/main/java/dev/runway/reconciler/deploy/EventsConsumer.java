package dev.runway.reconciler.deploy;

import dev.runway.common.events.DryRunRequested;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.reconciler.rollout.Promotions;
import dev.runway.reconciler.rollout.RolloutOrders;
import dev.runway.reconciler.state.ProvisionedService;
import dev.runway.service.messaging.EventConsumption;
import dev.runway.service.messaging.InboundEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The reconciler's inputs: which services are provisioned where (runway.services), what they should
 * run (runway.manifests), the per-region work of its own fan-out (runway.deployments), and the
 * rollout guard's orders (runway.rollouts: traffic steps, rollbacks, promotions).
 */
@ApplicationScoped
public class EventsConsumer {

  static final String CONSUMER = "reconciler";

  private final EventConsumption consumption;
  private final Reconciliation reconciliation;
  private final RegionDeployer deployer;
  private final RolloutOrders orders;
  private final Promotions promotions;

  public EventsConsumer(
      EventConsumption consumption,
      Reconciliation reconciliation,
      RegionDeployer deployer,
      RolloutOrders orders,
      Promotions promotions) {
    this.consumption = consumption;
    this.reconciliation = reconciliation;
    this.deployer = deployer;
    this.orders = orders;
    this.promotions = promotions;
  }

  @Incoming("services")
  public Uni<Void> onService(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, EventsConsumer::provisioning);
  }

  @Incoming("manifests")
  public Uni<Void> onManifest(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::manifest);
  }

  @Incoming("deployments")
  public Uni<Void> onDeployment(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::deployment);
  }

  @Incoming("rollouts")
  public Uni<Void> onRollout(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::rollout);
  }

  private Uni<Void> rollout(InboundEvent event) {
    if (event.data() instanceof TrafficShiftRequested order) {
      return orders.shift(order, event.trace());
    }
    if (event.data() instanceof RollbackRequested order) {
      return orders.rollback(order, event.trace());
    }
    if (event.data() instanceof PromotionApproved approval) {
      return promotions.promote(approval, event.trace());
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

  private Uni<Void> manifest(InboundEvent event) {
    if (event.data() instanceof ManifestChanged change) {
      return reconciliation.apply(change, event.trace());
    }
    if (event.data() instanceof DryRunRequested request) {
      return reconciliation.dryRun(request, event.trace());
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> deployment(InboundEvent event) {
    if (event.data() instanceof RegionDeployRequested request) {
      deployer.drive(request, event.trace());
    }
    return Uni.createFrom().voidItem();
  }
}
