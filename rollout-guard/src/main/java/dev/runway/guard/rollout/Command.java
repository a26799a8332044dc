package dev.runway.guard.rollout;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.manifest.RunwayManifest;
import java.util.List;

/** What a rollout transition asks the world to do; the service turns these into events. */
public sealed interface Command {

  /** Give the new revision this share of the region's traffic (the rest stays on the previous). */
  record ShiftTraffic(String region, String revision, int percent) implements Command {}

  /** Move the region's traffic back to the previous revision in one step. */
  record Rollback(String region, String toRevision, String reason) implements Command {}

  /** Staging finished healthy: production may take the same image. */
  record ApprovePromotion(String revision) implements Command {}

  /** Staging did not finish healthy: production stays as it is. */
  record BlockPromotion(String revision, String reason) implements Command {}

  /** A rollback cannot help; a person must look. */
  record RaiseRollbackFailed(String region, String reason) implements Command {}

  /**
   * A step outlived its progress deadline; the rollout paused or rolled back, as {@code action}.
   */
  record Stall(String region, String reason, RunwayManifest.OnStall action) implements Command {}

  /** The rollout ended. */
  record Finish(RolloutStatus status, List<String> rolledBack) implements Command {}
}
