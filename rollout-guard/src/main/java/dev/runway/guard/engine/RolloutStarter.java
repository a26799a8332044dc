package dev.runway.guard.engine;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.guard.GuardConfig;
import dev.runway.guard.rollout.Evidence;
import dev.runway.guard.rollout.Input;
import dev.runway.guard.rollout.Rollout;
import dev.runway.guard.state.ManifestRow;
import dev.runway.guard.state.RegionTrafficRow;
import dev.runway.guard.state.RolloutRow;
import dev.runway.service.config.RunwayConfig;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts a rollout when a deployment of a new revision completes: the manifest's policy (carried by
 * DeploymentCompleted), the regions where it is ready, and per region the revision serving there (a
 * rollback returns to it). A revision rolls out once; a redeployment of it (drift correction)
 * starts nothing, so a rolled-back revision is never retried by itself. A newer revision supersedes
 * an older rollout.
 */
@ApplicationScoped
public class RolloutStarter {

  private static final Logger LOG = Logger.getLogger(RolloutStarter.class);

  private final RolloutEngine engine;
  private final Evidence evidence;

  public RolloutStarter(RolloutEngine engine, GuardConfig config, RunwayConfig platform) {
    this.engine = engine;
    this.evidence = new Evidence(platform.metricLag(), config.verdictFreshness());
  }

  Uni<Void> start(DeploymentCompleted completed, Instant now, Context trace) {
    if (completed.deployed().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String id = RolloutRow.id(completed.service(), completed.environment(), completed.revision());
    return RolloutRow.count("id", id)
        .chain(
            existing -> {
              if (existing > 0) {
                LOG.debugf("%s was rolled out before; a redeployment starts nothing", id);
                return Uni.createFrom().voidItem();
              }
              return supersede(completed, now, trace).chain(() -> plan(completed, now, trace));
            });
  }

  private Uni<Void> supersede(DeploymentCompleted completed, Instant now, Context trace) {
    return RolloutRow.activeIds(completed.service(), completed.environment())
        .chain(
            ids -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (String id : ids) {
                chain =
                    chain.chain(
                        () ->
                            engine.apply(
                                id, new Input.Supersede(completed.revision(), now), null, trace));
              }
              return chain;
            });
  }

  private Uni<Void> plan(DeploymentCompleted completed, Instant now, Context trace) {
    return ManifestRow.<ManifestRow>findById(
            ManifestRow.id(completed.service(), completed.environment()))
        .chain(
            manifest ->
                RegionTrafficRow.of(completed.service(), completed.environment())
                    .chain(
                        rows -> {
                          Map<String, Map<String, Integer>> traffic = new HashMap<>();
                          rows.forEach(r -> traffic.put(r.region, r.weights()));
                          // The policy comes with the event; the newest manifest read from
                          // runway.manifests only stands in for events from before it did.
                          RunwayManifest.Spec spec =
                              manifest == null ? null : manifest.manifest().spec();
                          RunwayManifest.Rollout policy =
                              completed.rollout() != null
                                  ? completed.rollout()
                                  : spec != null
                                      ? spec.rollout()
                                      : new RunwayManifest.Rollout(
                                          null, null, null, null, null, null, null, null);
                          List<String> order =
                              !completed.regions().isEmpty()
                                  ? completed.regions()
                                  : spec == null ? List.of() : spec.regions();
                          Rollout planned =
                              RolloutPlans.plan(
                                  completed.service(),
                                  completed.environment(),
                                  completed.revision(),
                                  policy,
                                  order,
                                  completed.deployed(),
                                  traffic,
                                  evidence);
                          return engine.start(planned, now, trace);
                        }));
  }
}
