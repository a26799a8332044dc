package dev.runway.reconciler.deploy;

import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.PromotionApproved;
import dev.runway.reconciler.change.ChangeGate;
import dev.runway.reconciler.state.RevisionRecord;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies held manifest changes once {@link ChangeGate} releases them: when an image succeeds in
 * staging (the guard's PromotionApproved), and at every {@code runway.reconciler.held-recheck} (a
 * freeze window may have ended). A released change is applied as if it had just arrived, its
 * override and origin kept.
 */
@ApplicationScoped
public class HeldChanges {

  private static final Logger LOG = Logger.getLogger(HeldChanges.class);

  private final ChangeGate gate;
  private final Reconciliation reconciliation;
  private final RegionDeployer deployer;

  public HeldChanges(ChangeGate gate, Reconciliation reconciliation, RegionDeployer deployer) {
    this.gate = gate;
    this.reconciliation = reconciliation;
    this.deployer = deployer;
  }

  /**
   * Records that the approved revision's image succeeded in staging and applies what that releases,
   * in the caller's transaction; returns the released changes, to drive once committed.
   */
  Uni<List<ManifestChanged>> stagingSucceeded(PromotionApproved approval, Context trace) {
    return RevisionRecord.<RevisionRecord>findById(approval.revision())
        .chain(
            staging ->
                staging == null
                    ? Uni.createFrom().voidItem()
                    : gate.stagingSucceeded(
                        approval.service(), staging.revision().image(), approval.revision()))
        .chain(() -> releaseAndApply(Optional.of(approval.service()), trace));
  }

  /** Starts the regions the released changes left deploying; after their commit. */
  Uni<Void> drive(List<ManifestChanged> released, Context trace) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (ManifestChanged change : released) {
      chain =
          chain.chain(() -> deployer.drivePending(change.service(), change.environment(), trace));
    }
    return chain;
  }

  @Scheduled(
      every = "${runway.reconciler.held-recheck:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> recheck() {
    return Panache.withTransaction(() -> releaseAndApply(Optional.empty(), Context.root()))
        .chain(released -> drive(released, Context.root()))
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Could not decide the held changes again (the next check retries): %s",
                    e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<List<ManifestChanged>> releaseAndApply(Optional<String> service, Context trace) {
    return gate.release(service)
        .chain(
            released -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (ManifestChanged change : released) {
                chain = chain.chain(() -> reconciliation.apply(change, trace));
              }
              return chain.replaceWith(released);
            });
  }
}
