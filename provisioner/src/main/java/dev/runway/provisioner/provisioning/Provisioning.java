package dev.runway.provisioner.provisioning;

import dev.runway.common.events.ProvisionedResource;
import dev.runway.common.events.ServiceDecommissionRequested;
import dev.runway.common.events.ServiceDecommissioned;
import dev.runway.common.events.ServiceProvisioned;
import dev.runway.common.events.ServiceProvisioningFailed;
import dev.runway.common.events.ServiceRequested;
import dev.runway.provisioner.services.ServiceRecord;
import dev.runway.service.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Carries out provisioning requests with every {@link ResourceProvisioner}, and records the outcome
 * and its event in the caller's transaction. A request that a later inventory change has superseded
 * is skipped: the later event carries the current wish.
 */
@ApplicationScoped
public class Provisioning {

  private static final Logger LOG = Logger.getLogger(Provisioning.class);

  private final List<ResourceProvisioner> provisioners;
  private final Outbox outbox;
  private final Vertx vertx;
  private final MeterRegistry registry;

  public Provisioning(
      Instance<ResourceProvisioner> provisioners,
      Outbox outbox,
      Vertx vertx,
      MeterRegistry registry) {
    this.provisioners = provisioners.stream().toList();
    this.outbox = outbox;
    this.vertx = vertx;
    this.registry = registry;
  }

  public Uni<Void> provision(ServiceRequested request, Context trace) {
    return ServiceRecord.<ServiceRecord>findById(request.service())
        .chain(
            record -> {
              if (record == null
                  || !record.inInventory
                  || !record.regionList().equals(request.regions())) {
                LOG.infof("Skipping superseded provisioning request for %s", request.service());
                return Uni.createFrom().voidItem();
              }
              ServiceSpec spec =
                  new ServiceSpec(request.service(), request.projectId(), request.regions());
              Timer.Sample timing = Timer.start(registry);
              return vertx
                  .executeBlocking(Uni.createFrom().item(() -> provisionAll(spec)))
                  .chain(
                      outcome -> {
                        timing.stop(
                            registry.timer(
                                "runway.provisioner.provisioning",
                                "outcome",
                                outcome.succeeded() ? "provisioned" : "failed"));
                        if (outcome.succeeded()) {
                          record.provisioned(outcome.serviceAccount(), outcome.resources());
                          LOG.infof(
                              "Provisioned %s in %s (%d resources)",
                              spec.name(), spec.regions(), outcome.resources().size());
                          return outbox.add(
                              new ServiceProvisioned(
                                  spec.name(),
                                  spec.projectId(),
                                  spec.regions(),
                                  outcome.serviceAccount(),
                                  outcome.resources()),
                              trace);
                        }
                        record.failed(outcome.failure());
                        LOG.errorf("Provisioning %s failed: %s", spec.name(), outcome.failure());
                        return outbox.add(
                            new ServiceProvisioningFailed(
                                spec.name(), spec.regions(), outcome.failure()),
                            trace);
                      })
                  .replaceWithVoid();
            });
  }

  public Uni<Void> decommission(ServiceDecommissionRequested request, Context trace) {
    return ServiceRecord.<ServiceRecord>findById(request.service())
        .chain(
            record -> {
              if (record == null || record.inInventory) {
                LOG.infof("Skipping superseded decommission request for %s", request.service());
                return Uni.createFrom().voidItem();
              }
              return vertx
                  .executeBlocking(Uni.createFrom().item(() -> decommissionAll(request.service())))
                  .chain(
                      removed -> {
                        record.decommissioned();
                        LOG.infof(
                            "Decommissioned %s (%d resources removed)",
                            request.service(), removed.size());
                        return outbox.add(
                            new ServiceDecommissioned(request.service(), removed), trace);
                      })
                  .replaceWithVoid();
            });
  }

  private Outcome provisionAll(ServiceSpec spec) {
    String serviceAccount = null;
    List<ProvisionedResource> resources = new ArrayList<>();
    for (ResourceProvisioner provisioner : provisioners) {
      try {
        ProvisioningResult result = provisioner.provision(spec);
        if (result.serviceAccount() != null) {
          serviceAccount = result.serviceAccount();
        }
        resources.addAll(result.resources());
      } catch (Exception e) {
        return Outcome.failed(provisioner.name() + ": " + e);
      }
    }
    if (serviceAccount == null) {
      return Outcome.failed("no provisioner created a service account for " + spec.name());
    }
    return new Outcome(serviceAccount, resources, null);
  }

  private List<ProvisionedResource> decommissionAll(String service) {
    List<ProvisionedResource> removed = new ArrayList<>();
    for (ResourceProvisioner provisioner : provisioners) {
      try {
        removed.addAll(provisioner.decommission(service));
      } catch (Exception e) {
        // Retried by the consumer; the inbox has not recorded the event since the transaction
        // fails.
        throw new IllegalStateException(
            provisioner.name() + " could not decommission " + service + ": " + e, e);
      }
    }
    return removed;
  }

  private record Outcome(
      String serviceAccount, List<ProvisionedResource> resources, String failure) {
    static Outcome failed(String reason) {
      return new Outcome(null, List.of(), reason);
    }

    boolean succeeded() {
      return failure == null;
    }
  }
}
