package dev.runway.reconciler.rollout;

import dev.runway.common.events.RollbackFailed;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.TrafficShiftFailed;
import dev.runway.common.events.TrafficShiftRequested;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.plan.RegionStatus;
import dev.runway.reconciler.runtime.DeployFailed;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.runtime.RunningRevision;
import dev.runway.reconciler.state.RegionState;
import dev.runway.reconciler.state.RevisionRecord;
import dev.runway.service.outbox.Outbox;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Carries out the rollout guard's orders in the region they name: a traffic step, a rollback in one
 * step to the previous revision (kept warm, started again if it died), and a promotion of a staging
 * image to production. Each runs inside the consuming transaction, so the region's new state, the
 * events it causes and the order's inbox entry commit together; a crash before the commit
 * redelivers the order and the runtime's routing is idempotent.
 */
@ApplicationScoped
public class RolloutOrders {

  private static final Logger LOG = Logger.getLogger(RolloutOrders.class);

  private final RegionRuntime runtime;
  private final Outbox outbox;
  private final Vertx vertx;

  public RolloutOrders(RegionRuntime runtime, Outbox outbox, Vertx vertx) {
    this.runtime = runtime;
    this.outbox = outbox;
    this.vertx = vertx;
  }

  /** What the runtime did: the split set and where each revision in it answers. */
  private record Routed(Map<String, Integer> traffic, Map<String, String> urls) {}

  public Uni<Void> shift(TrafficShiftRequested order, Context trace) {
    return region(order.service(), order.environment(), order.region())
        .chain(
            state -> {
              if (state == null || state.status != RegionStatus.READY) {
                String reason =
                    "the region is "
                        + (state == null ? "unknown" : state.status.name().toLowerCase());
                LOG.warnf(
                    "Cannot step %s in %s/%s/%s: %s",
                    order.revision(), order.service(), order.environment(), order.region(), reason);
                return refused(order, reason, trace);
              }
              Map<String, Integer> split =
                  TrafficSplits.step(order.revision(), order.percent(), order.previousRevision());
              return route(state.placement(), split, null)
                  .chain(
                      routed -> {
                        state.routed(routed.traffic());
                        LOG.infof(
                            "%s/%s %s: %s at %d%%",
                            order.service(),
                            order.environment(),
                            order.region(),
                            order.revision(),
                            order.percent());
                        return shifted(state, routed, trace);
                      })
                  .onFailure(DeployFailed.class)
                  .recoverWithUni(
                      failure -> {
                        LOG.warnf(
                            "Could not step %s in %s: %s",
                            order.revision(), order.region(), failure.getMessage());
                        return refused(order, "routing failed: " + failure.getMessage(), trace);
                      });
            });
  }

  /** The guard hears why its step was not applied, so it can ask again or stall saying why. */
  private Uni<Void> refused(TrafficShiftRequested order, String reason, Context trace) {
    return outbox
        .add(
            new TrafficShiftFailed(
                order.service(),
                order.environment(),
                order.region(),
                order.revision(),
                order.percent(),
                reason,
                java.time.Instant.now()),
            trace)
        .replaceWithVoid();
  }

  public Uni<Void> rollback(RollbackRequested order, Context trace) {
    return region(order.service(), order.environment(), order.region())
        .chain(
            state ->
                RevisionRecord.<RevisionRecord>findById(order.toRevision())
                    .chain(
                        previous -> {
                          if (state == null || previous == null) {
                            return failed(
                                order, "the region or its previous revision is unknown", trace);
                          }
                          Map<String, Integer> split = Map.of(order.toRevision(), 100);
                          return route(state.placement(), split, previous)
                              .chain(
                                  routed -> {
                                    state.rolledBack(
                                        order.toRevision(),
                                        routed.urls().get(order.toRevision()),
                                        order.revision(),
                                        order.reason(),
                                        routed.traffic());
                                    LOG.warnf(
                                        "Rolled back %s/%s in %s: %s -> %s (%s)",
                                        order.service(),
                                        order.environment(),
                                        order.region(),
                                        order.revision(),
                                        order.toRevision(),
                                        order.reason());
                                    return shifted(state, routed, trace)
                                        .chain(
                                            () ->
                                                outbox.add(
                                                    new RolledBack(
                                                        order.service(),
                                                        order.environment(),
                                                        order.region(),
                                                        order.revision(),
                                                        order.toRevision(),
                                                        order.reason(),
                                                        order.breach(),
                                                        order.requestedAt(),
                                                        Instant.now()),
                                                    trace))
                                        .replaceWithVoid();
                                  })
                              .onFailure(DeployFailed.class)
                              .recoverWithUni(
                                  failure -> failed(order, failure.getMessage(), trace));
                        }));
  }

  private static Uni<RegionState> region(String service, Environment environment, String region) {
    return RegionState.locked(service, environment, region);
  }

  /**
   * Routes off the event loop; a revision to return to that no longer runs is started first (the
   * runtime adopts it when it still runs).
   */
  private Uni<Routed> route(
      Placement placement, Map<String, Integer> split, RevisionRecord ensureRunning) {
    return vertx.executeBlocking(
        Uni.createFrom()
            .item(
                () -> {
                  try {
                    if (ensureRunning != null) {
                      runtime.deploy(placement, ensureRunning.revision());
                    }
                    runtime.route(placement, split);
                    Map<String, String> urls = RunningRevision.urls(runtime.running(placement));
                    urls.keySet().retainAll(split.keySet());
                    return new Routed(split, urls);
                  } catch (DeployFailed e) {
                    throw new DeployFailedUnchecked(e);
                  }
                })
            .onFailure(DeployFailedUnchecked.class)
            .transform(e -> ((DeployFailedUnchecked) e).failure),
        false);
  }

  private Uni<Void> shifted(RegionState state, Routed routed, Context trace) {
    return outbox
        .add(
            new TrafficShifted(
                state.service, state.environment, state.region, routed.traffic(), routed.urls()),
            trace)
        .replaceWithVoid();
  }

  private Uni<Void> failed(RollbackRequested order, String why, Context trace) {
    LOG.errorf(
        "Rollback of %s/%s %s in %s failed: %s",
        order.service(), order.environment(), order.revision(), order.region(), why);
    return outbox
        .add(
            new RollbackFailed(
                order.service(),
                order.environment(),
                order.region(),
                order.revision(),
                "the reconciler could not move the traffic to " + order.toRevision() + ": " + why,
                Instant.now()),
            trace)
        .replaceWithVoid();
  }

  /** Carries the checked DeployFailed through the blocking call. */
  private static final class DeployFailedUnchecked extends RuntimeException {
    final DeployFailed failure;

    DeployFailedUnchecked(DeployFailed failure) {
      super(failure);
      this.failure = failure;
    }
  }
}
