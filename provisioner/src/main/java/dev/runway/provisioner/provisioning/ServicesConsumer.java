package dev.runway.provisioner.provisioning;

import dev.runway.common.events.InventoryChanged;
import dev.runway.common.events.ServiceDecommissionRequested;
import dev.runway.common.events.ServiceRequested;
import dev.runway.provisioner.services.ServiceEventRecord;
import dev.runway.service.messaging.EventConsumption;
import dev.runway.service.messaging.InboundEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads runway.services: keeps every service's event history, and carries out provisioning and
 * decommissioning requests.
 */
@ApplicationScoped
public class ServicesConsumer {

  static final String CONSUMER = "provisioner";

  private final EventConsumption consumption;
  private final Provisioning provisioning;

  public ServicesConsumer(EventConsumption consumption, Provisioning provisioning) {
    this.consumption = consumption;
    this.provisioning = provisioning;
  }

  @Incoming("services")
  public Uni<Void> onMessage(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  private Uni<Void> handle(InboundEvent event) {
    if (event.data() instanceof InventoryChanged) {
      return Uni.createFrom().voidItem();
    }
    Uni<Void> history = ServiceEventRecord.of(event.envelope()).persist().replaceWithVoid();
    if (event.data() instanceof ServiceRequested request) {
      return history.chain(() -> provisioning.provision(request, event.trace()));
    }
    if (event.data() instanceof ServiceDecommissionRequested request) {
      return history.chain(() -> provisioning.decommission(request, event.trace()));
    }
    return history;
  }
}
