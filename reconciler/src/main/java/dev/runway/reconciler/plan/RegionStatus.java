package dev.runway.reconciler.plan;

/** Where a region stands with its current revision. */
public enum RegionStatus {
  /** Nothing runs there. */
  ABSENT,
  /** A revision is being started there. */
  DEPLOYING,
  /** The revision runs and answers its readiness probe. */
  READY,
  /** The last deployment there failed. */
  FAILED
}
