package dev.runway.reconciler.deploy;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.RegionAction;
import dev.runway.common.events.RegionDeployFailed;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.reconciler.plan.RegionStatus;
import dev.runway.reconciler.state.DeploymentRecord;
import dev.runway.reconciler.state.DesiredManifest;
import dev.runway.reconciler.state.RegionState;
import dev.runway.service.outbox.Outbox;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records the end of one region's work and the events it causes, in one transaction; when it was
 * the deployment's last region, also DeploymentCompleted. The deployment row is locked first, so
 * regions ending at the same moment see each other and exactly one of them completes it. An outcome
 * for a region that has since moved on (a newer deployment, or already ended) is dropped, so
 * re-driving a region after a restart never reports it twice; so is one from a replica that no
 * longer drives the region (it was frozen past its heartbeat, and another took the region over).
 */
@ApplicationScoped
public class DeploymentProgress {

  private static final Logger LOG = Logger.getLogger(DeploymentProgress.class);

  private final Outbox outbox;
  private final Replicas replicas;

  public DeploymentProgress(Outbox outbox, Replicas replicas) {
    this.outbox = outbox;
    this.replicas = replicas;
  }

  Uni<Void> regionEnded(RegionOutcome outcome, Context trace) {
    RegionWork request = outcome.request();
    return DeploymentRecord.<DeploymentRecord>findById(
            request.deploymentId(), LockModeType.PESSIMISTIC_WRITE)
        .chain(
            deployment ->
                RegionState.locked(request.service(), request.environment(), request.region())
                    .chain(
                        state -> {
                          if (deployment == null
                              || state == null
                              || !request.deploymentId().equals(state.deploymentId)
                              || state.status != RegionStatus.DEPLOYING
                              || !replicas.me().equals(state.driver)) {
                            LOG.debugf(
                                "Dropping stale outcome for %s in %s",
                                request.revision().name(), request.region());
                            return Uni.createFrom().voidItem();
                          }
                          return record(outcome, state, trace)
                              .chain(() -> completeIfLast(deployment, trace));
                        }));
  }

  private Uni<Void> record(RegionOutcome outcome, RegionState state, Context trace) {
    RegionWork r = outcome.request();
    if (!outcome.succeeded()) {
      state.failed(outcome.failure());
      LOG.warnf(
          "%s/%s %s failed in %s: %s",
          r.service(), r.environment(), r.revision().name(), r.region(), outcome.failure());
      return outbox
          .add(
              new RegionDeployFailed(
                  r.service(),
                  r.environment(),
                  r.region(),
                  r.deploymentId(),
                  r.revision().name(),
                  outcome.failure()),
              trace)
          .replaceWithVoid();
    }
    if (r.action() == RegionAction.REMOVE) {
      state.removed();
      LOG.infof("%s/%s removed from %s", r.service(), r.environment(), r.region());
      return outbox
          .add(new RegionRemoved(r.service(), r.environment(), r.region(), r.deploymentId()), trace)
          .replaceWithVoid();
    }
    state.ready(outcome.url(), outcome.traffic());
    LOG.infof(
        "%s/%s %s ready in %s at %s (%d ms)",
        r.service(),
        r.environment(),
        r.revision().name(),
        r.region(),
        outcome.url(),
        outcome.durationMs());
    return outbox
        .add(
            new RegionDeployed(
                r.service(),
                r.environment(),
                r.region(),
                r.deploymentId(),
                r.revision().name(),
                outcome.url(),
                outcome.durationMs()),
            trace)
        .chain(
            () ->
                outbox.add(
                    new TrafficShifted(
                        r.service(),
                        r.environment(),
                        r.region(),
                        outcome.traffic(),
                        outcome.urls()),
                    trace))
        .replaceWithVoid();
  }

  private Uni<Void> completeIfLast(DeploymentRecord deployment, Context trace) {
    return RegionState.<RegionState>list("deploymentId", deployment.id)
        .chain(
            states -> {
              if (deployment.completedAt != null
                  || states.stream().anyMatch(s -> s.status == RegionStatus.DEPLOYING)) {
                return Uni.createFrom().voidItem();
              }
              deployment.completedAt = OffsetDateTime.now();
              List<String> deployed = new ArrayList<>();
              List<String> failed = new ArrayList<>();
              for (RegionState s : states) {
                (s.status == RegionStatus.FAILED ? failed : deployed).add(s.region);
              }
              LOG.infof(
                  "Deployment %s of %s/%s %s completed: deployed %s, failed %s",
                  deployment.id,
                  deployment.service,
                  deployment.environment,
                  deployment.revision,
                  deployed,
                  failed);
              return DesiredManifest.<DesiredManifest>findById(
                      DesiredManifest.id(deployment.service, deployment.environment))
                  .chain(
                      desired -> {
                        RunwayManifest.Spec spec =
                            desired == null ? null : desired.manifest().spec();
                        return outbox.add(
                            new DeploymentCompleted(
                                deployment.service,
                                deployment.environment,
                                deployment.id,
                                deployment.revision,
                                deployed,
                                failed,
                                deployment.elapsedMillis(),
                                spec == null ? List.of() : spec.regions(),
                                spec == null ? null : spec.rollout()),
                            trace);
                      })
                  .replaceWithVoid();
            });
  }
}
