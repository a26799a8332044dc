package dev.runway.reconciler.deploy;

import dev.runway.common.events.RegionAction;
import dev.runway.common.events.RegionDeployRequested;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.plan.RegionStatus;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.state.RegionState;
import dev.runway.reconciler.state.RevisionRecord;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * One region's part of a deployment, as the reconciler's own records say it: the region's state
 * (deploying, with its action and deployment) and the revision as stored when it was resolved. The
 * work is always read back from the database, never taken from an event: RegionDeployRequested is
 * published for observers, and what a region runs (its command included) is what this reconciler
 * stored, whoever else writes to the bus.
 */
record RegionWork(
    String service,
    Environment environment,
    String region,
    String deploymentId,
    RegionAction action,
    Revision revision) {

  Placement placement() {
    return new Placement(service, environment, region);
  }

  /** The announcement of this work, for observers (dashboards, the guard, operators' tails). */
  RegionDeployRequested announcement() {
    return new RegionDeployRequested(service, environment, region, deploymentId, action, revision);
  }

  /** The region's pending work, or null when it is not deploying or its revision is unknown. */
  static RegionWork of(RegionState state, RevisionRecord revision) {
    if (state.status != RegionStatus.DEPLOYING || revision == null) {
      return null;
    }
    return new RegionWork(
        state.service,
        state.environment,
        state.region,
        state.deploymentId,
        state.action,
        revision.revision());
  }

  /** Every region of {@code service} in {@code environment} still deploying; in a session. */
  static Uni<List<RegionWork>> pending(String service, Environment environment) {
    return RegionState.of(service, environment).chain(RegionWork::of);
  }

  /** The work of those of {@code states} still deploying, with their revisions; in a session. */
  static Uni<List<RegionWork>> of(List<RegionState> states) {
    Uni<List<RegionWork>> all = Uni.createFrom().item(new ArrayList<>());
    for (RegionState state : states) {
      if (state.status != RegionStatus.DEPLOYING) {
        continue;
      }
      all =
          all.chain(
              list ->
                  RevisionRecord.<RevisionRecord>findById(state.revision)
                      .map(
                          record -> {
                            RegionWork work = of(state, record);
                            if (work != null) {
                              list.add(work);
                            }
                            return list;
                          }));
    }
    return all;
  }
}
