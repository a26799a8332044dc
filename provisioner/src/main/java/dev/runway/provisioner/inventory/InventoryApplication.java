package dev.runway.provisioner.inventory;

import dev.runway.common.events.Origin;
import dev.runway.common.inventory.Inventory;
import dev.runway.common.inventory.InventoryService;
import dev.runway.provisioner.services.ServiceRecord;
import dev.runway.service.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Replaces the inventory: diffs it against the current one and, in one transaction, records the new
 * state and the events it causes. Concurrent applications are serialised by an advisory lock so two
 * of them never diff against the same "current".
 */
@ApplicationScoped
public class InventoryApplication {

  private static final Logger LOG = Logger.getLogger(InventoryApplication.class);

  private final Outbox outbox;

  public InventoryApplication(Outbox outbox) {
    this.outbox = outbox;
  }

  /** The inventory as it stands. */
  public Uni<Inventory> current() {
    return Panache.withSession(
        () ->
            ServiceRecord.inInventory()
                .map(
                    records ->
                        new Inventory(records.stream().map(InventoryApplication::entry).toList())));
  }

  /** Computes what {@code desired} would change, and applies it unless {@code dryRun}. */
  public Uni<InventoryPlan> apply(Inventory desired, Origin origin, boolean dryRun) {
    return Panache.withTransaction(
        () ->
            lock()
                .chain(ServiceRecord::inInventory)
                .map(
                    records ->
                        InventoryDiff.between(
                            records.stream().map(InventoryApplication::entry).toList(), desired))
                .chain(
                    plan ->
                        dryRun || plan.isEmpty()
                            ? Uni.createFrom().item(plan)
                            : record(plan, origin)));
  }

  private Uni<InventoryPlan> record(InventoryPlan plan, Origin origin) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (ServiceChange change : plan.changes()) {
      chain = chain.chain(() -> recordChange(change));
    }
    return chain
        .chain(() -> outbox.add(plan.event(origin)))
        .invoke(
            () ->
                LOG.infof(
                    "Inventory from %s applied: %s",
                    origin,
                    plan.changes().stream().map(c -> c.kind().wire() + " " + c.service()).toList()))
        .replaceWith(plan.asApplied());
  }

  private Uni<Void> recordChange(ServiceChange change) {
    return ServiceRecord.<ServiceRecord>findById(change.service())
        .chain(
            found -> {
              ServiceRecord record = found;
              if (record == null) {
                record = new ServiceRecord();
                record.name = change.service();
              }
              if (change.kind() == ServiceChange.Kind.REMOVED) {
                record.requestDecommission();
              } else {
                record.request(change.projectId(), change.regions());
              }
              return record.<ServiceRecord>persist();
            })
        .chain(() -> outbox.add(change.event()))
        .replaceWithVoid();
  }

  private static Uni<Void> lock() {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select pg_advisory_xact_lock(hashtext('provisioner.inventory'))")
                    .getSingleResult())
        .replaceWithVoid();
  }

  private static InventoryService entry(ServiceRecord record) {
    return new InventoryService(record.name, record.projectId, record.regionList());
  }
}
