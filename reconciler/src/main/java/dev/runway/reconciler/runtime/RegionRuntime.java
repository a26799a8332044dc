package dev.runway.reconciler.runtime;

import dev.runway.common.events.Revision;
import java.util.List;
import java.util.Map;

/**
 * Where revisions run: OS processes on this machine ({@code local}) or Cloud Run. Calls block and
 * are made off the event loop, one region at a time per call, many regions at once.
 */
public interface RegionRuntime {

  /**
   * Makes {@code revision} run and be ready in the placement. Idempotent: a revision that already
   * runs there is adopted, never started twice.
   */
  RunningRevision deploy(Placement placement, Revision revision) throws DeployFailed;

  /** Splits the placement's traffic between running revisions, percent by revision name. */
  void route(Placement placement, Map<String, Integer> weights) throws DeployFailed;

  /** The revisions that run in the placement now, and answer. */
  List<RunningRevision> running(Placement placement);

  /** The traffic split last set in the placement. */
  Map<String, Integer> traffic(Placement placement);

  /** Stops every revision in the placement. */
  void remove(Placement placement);
}
