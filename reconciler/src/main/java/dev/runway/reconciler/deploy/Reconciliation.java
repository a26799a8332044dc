package dev.runway.reconciler.deploy;

import dev.runway.common.events.DryRunPlanned;
import dev.runway.common.events.DryRunRequested;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.RegionAction;
import dev.runway.common.events.RegionPlan;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.reconciler.config.ReconcilerConfig;
import dev.runway.reconciler.plan.Planner;
import dev.runway.reconciler.plan.RegionActual;
import dev.runway.reconciler.revision.Revisions;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.state.DeploymentRecord;
import dev.runway.reconciler.state.DesiredManifest;
import dev.runway.reconciler.state.PlanRecord;
import dev.runway.reconciler.state.RegionState;
import dev.runway.reconciler.state.RevisionRecord;
import dev.runway.service.outbox.Outbox;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns a desired manifest into a fan-out: resolves its revision (a new one only when the container
 * configuration changed), plans every region against what runs there, and in the same transaction
 * records the deployment, each region's pending work and one RegionDeployRequested per region that
 * needs an action, for observers. The work itself is driven from those records once the transaction
 * commits ({@link EventsConsumer}), not from the event coming back. A dry run plans the same way
 * and applies nothing.
 */
@ApplicationScoped
public class Reconciliation {

  private static final Logger LOG = Logger.getLogger(Reconciliation.class);

  private final Outbox outbox;
  private final Planner.Estimates estimates;

  public Reconciliation(Outbox outbox, ReconcilerConfig config) {
    this.outbox = outbox;
    this.estimates =
        new Planner.Estimates(config.deployEstimate(), Planner.Estimates.DEFAULT.remove());
  }

  /** The snapshot a plan is made from. */
  private record Snapshot(List<Revision> revisions, Map<String, RegionState> regions) {

    Map<String, Revision> known() {
      return revisions.stream().collect(Collectors.toMap(Revision::name, Function.identity()));
    }

    Map<String, RegionActual> actual() {
      Map<String, RegionActual> actual = new HashMap<>();
      regions.forEach((region, state) -> actual.put(region, state.actual()));
      return actual;
    }
  }

  /** A change locks the regions it may write; a dry run only reads them. */
  private static Uni<Snapshot> snapshot(String service, Environment environment, boolean toChange) {
    return RevisionRecord.of(service, environment)
        .chain(
            revisions ->
                (toChange
                        ? RegionState.lockedOf(service, environment)
                        : RegionState.of(service, environment))
                    .map(
                        states ->
                            new Snapshot(
                                revisions,
                                states.stream()
                                    .collect(
                                        Collectors.toMap(s -> s.region, Function.identity())))));
  }

  public Uni<Void> apply(ManifestChanged change, Context trace) {
    RunwayManifest.Spec spec = change.manifest().spec();
    return snapshot(change.service(), change.environment(), true)
        .chain(
            snapshot -> {
              Revision desired =
                  Revisions.resolve(
                      change.service(), change.environment(), spec, snapshot.revisions());
              boolean isNew =
                  snapshot.revisions().stream().noneMatch(r -> r.name().equals(desired.name()));
              Map<String, Revision> known = new HashMap<>(snapshot.known());
              known.put(desired.name(), desired);
              List<RegionPlan> plans =
                  Planner.plan(spec, desired, snapshot.actual(), known, estimates);
              Uni<Void> revision =
                  isNew
                      ? RevisionRecord.of(change.service(), change.environment(), desired)
                          .persist()
                          .replaceWithVoid()
                      : Uni.createFrom().voidItem();
              return revision
                  .chain(() -> desire(change, desired))
                  .chain(() -> fanOut(change, desired, plans, snapshot, known, trace));
            });
  }

  private static Uni<Void> desire(ManifestChanged change, Revision desired) {
    String id = DesiredManifest.id(change.service(), change.environment());
    return DesiredManifest.<DesiredManifest>findById(id)
        .chain(
            found -> {
              DesiredManifest manifest = found;
              if (manifest == null) {
                manifest = new DesiredManifest();
                manifest.id = id;
                manifest.service = change.service();
                manifest.environment = change.environment();
              }
              manifest.set(change.manifest(), desired.name());
              return manifest.persist().replaceWithVoid();
            });
  }

  private Uni<Void> fanOut(
      ManifestChanged change,
      Revision desired,
      List<RegionPlan> plans,
      Snapshot snapshot,
      Map<String, Revision> known,
      Context trace) {
    List<RegionPlan> actions =
        plans.stream().filter(p -> p.action() != RegionAction.NOTHING).toList();
    if (actions.isEmpty()) {
      LOG.infof(
          "%s/%s already runs %s everywhere; nothing to do",
          change.service(), change.environment(), desired.name());
      return Uni.createFrom().voidItem();
    }
    DeploymentRecord deployment = new DeploymentRecord();
    deployment.id = UUID.randomUUID().toString();
    deployment.service = change.service();
    deployment.environment = change.environment();
    deployment.revision = desired.name();
    deployment.regions = actions.stream().map(RegionPlan::region).collect(Collectors.joining(","));
    deployment.startedAt = OffsetDateTime.now();
    LOG.infof(
        "Deploying %s/%s revision %s: %s",
        change.service(),
        change.environment(),
        desired.name(),
        actions.stream().map(p -> p.region() + " " + p.action()).toList());
    Uni<Void> chain = deployment.persist().replaceWithVoid();
    for (RegionPlan plan : actions) {
      Revision target =
          plan.action() == RegionAction.REMOVE
              ? known.getOrDefault(plan.fromRevision(), desired)
              : desired;
      Placement placement = new Placement(change.service(), change.environment(), plan.region());
      RegionState state =
          snapshot.regions().getOrDefault(plan.region(), RegionState.fresh(placement));
      state.deploying(target.name(), plan.action(), deployment.id);
      chain =
          chain
              .chain(() -> state.persist())
              .chain(
                  () ->
                      outbox.add(
                          new RegionWork(
                                  change.service(),
                                  change.environment(),
                                  plan.region(),
                                  deployment.id,
                                  plan.action(),
                                  target)
                              .announcement(),
                          trace))
              .replaceWithVoid();
    }
    return chain;
  }

  public Uni<Void> dryRun(DryRunRequested request, Context trace) {
    RunwayManifest.Spec spec = request.manifest().spec();
    return snapshot(request.service(), request.environment(), false)
        .chain(
            snapshot -> {
              Revision desired =
                  Revisions.resolve(
                      request.service(), request.environment(), spec, snapshot.revisions());
              Map<String, Revision> known = new HashMap<>(snapshot.known());
              known.put(desired.name(), desired);
              DryRunPlanned planned =
                  new DryRunPlanned(
                      request.service(),
                      request.environment(),
                      request.planId(),
                      Planner.plan(spec, desired, snapshot.actual(), known, estimates),
                      request.reference());
              return PlanRecord.of(planned)
                  .persist()
                  .chain(() -> outbox.add(planned, trace))
                  .replaceWithVoid();
            });
  }
}
