package dev.runway.reconciler.change;

import dev.runway.common.events.ChangeHeld;
import dev.runway.common.events.ChangeReleased;
import dev.runway.common.events.ManifestChanged;
import dev.runway.reconciler.config.ReconcilerConfig;
import dev.runway.service.outbox.Outbox;
import dev.runway.service.persistence.JsonColumn;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Holds the manifest changes {@link ChangePolicy} says must wait, and releases them when it no
 * longer does. Every call runs in the caller's transaction, so a change is held (row and
 * ChangeHeld) or applied, never lost between the two.
 */
@ApplicationScoped
public class ChangeGate {

  private static final Logger LOG = Logger.getLogger(ChangeGate.class);

  private final ChangePolicy policy;
  private final Outbox outbox;

  @Inject
  public ChangeGate(ReconcilerConfig config, Outbox outbox) {
    this(
        new ChangePolicy(config.deployPolicy().map(DeployPolicyFile::read).orElse(List.of())),
        outbox);
  }

  ChangeGate(ChangePolicy policy, Outbox outbox) {
    this.policy = policy;
    this.outbox = outbox;
  }

  /** What would happen to the change now; nothing is written. */
  public Uni<ChangePolicy.Decision> check(ManifestChanged change) {
    return StagingSuccess.known(change.service(), change.manifest().spec().image())
        .map(succeeded -> policy.decide(change, succeeded, Instant.now()));
  }

  /**
   * Decides a change that just arrived: true when it goes ahead (and replaces any change held
   * before it); false when it is held now, recorded and announced with ChangeHeld.
   */
  public Uni<Boolean> admit(ManifestChanged change, Context trace) {
    return check(change)
        .chain(
            decision -> {
              String id = HeldChange.id(change.service(), change.environment());
              if (decision.goes()) {
                return HeldChange.deleteById(id).replaceWith(true);
              }
              String reason = decision.held().orElseThrow();
              LOG.infof(
                  "Held the %s change of %s: %s",
                  change.environment().wire(), change.service(), reason);
              return HeldChange.<HeldChange>findById(id)
                  .chain(
                      found -> {
                        HeldChange held = found == null ? new HeldChange() : found;
                        held.id = id;
                        held.service = change.service();
                        held.environment = change.environment();
                        held.change = JsonColumn.write(change);
                        held.reason = reason;
                        held.heldAt = OffsetDateTime.now(ZoneOffset.UTC);
                        return held.persist();
                      })
                  .chain(() -> outbox.add(held(change, reason), trace))
                  .replaceWith(false);
            });
  }

  /** An image succeeded in staging: the guard approved the promotion of its revision. */
  public Uni<Void> stagingSucceeded(String service, String image, String revision) {
    String id = StagingSuccess.id(service, image);
    return StagingSuccess.<StagingSuccess>findById(id)
        .chain(
            found -> {
              if (found != null) {
                return Uni.createFrom().voidItem();
              }
              StagingSuccess success = new StagingSuccess();
              success.id = id;
              success.service = service;
              success.image = image;
              success.revision = revision;
              success.succeededAt = OffsetDateTime.now(ZoneOffset.UTC);
              return success.persist().replaceWithVoid();
            });
  }

  /**
   * The held changes that may go now, removed from the held ones and announced with ChangeReleased;
   * a change still held whose reason changed is announced again. For the caller to apply in the
   * same transaction.
   */
  public Uni<List<ManifestChanged>> release(Optional<String> service) {
    Uni<List<HeldChange>> held =
        service.isPresent()
            ? HeldChange.list("service", service.get())
            : HeldChange.<HeldChange>listAll();
    return held.chain(
        rows -> {
          List<ManifestChanged> released = new ArrayList<>();
          Uni<Void> chain = Uni.createFrom().voidItem();
          for (HeldChange row : rows) {
            ManifestChanged change = row.change();
            chain =
                chain
                    .chain(() -> check(change))
                    .chain(decision -> settle(row, change, decision, released));
          }
          return chain.replaceWith(released);
        });
  }

  private Uni<Void> settle(
      HeldChange row,
      ManifestChanged change,
      ChangePolicy.Decision decision,
      List<ManifestChanged> released) {
    if (decision.goes()) {
      String why = "no longer held (was: " + row.reason + ")";
      LOG.infof("Released the %s change of %s", change.environment().wire(), change.service());
      released.add(change);
      return row.delete()
          .chain(
              () ->
                  outbox.add(
                      new ChangeReleased(
                          change.service(),
                          change.environment(),
                          change.manifest().spec().image(),
                          why,
                          Instant.now())))
          .replaceWithVoid();
    }
    String reason = decision.held().orElseThrow();
    if (reason.equals(row.reason)) {
      return Uni.createFrom().voidItem();
    }
    row.reason = reason;
    return outbox.add(held(change, reason)).replaceWithVoid();
  }

  private static ChangeHeld held(ManifestChanged change, String reason) {
    return new ChangeHeld(
        change.service(),
        change.environment(),
        change.manifest().spec().image(),
        change.origin(),
        change.commit(),
        reason,
        Instant.now());
  }
}
