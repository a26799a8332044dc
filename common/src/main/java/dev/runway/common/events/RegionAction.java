package dev.runway.common.events;

/** What the reconciler does in one region to make it match the manifest. */
public enum RegionAction {
  /** The region runs nothing yet: create the service there with the revision. */
  CREATE,
  /** The region runs an older revision: deploy the new one. */
  DEPLOY,
  /** The revision runs; only its traffic split changes. */
  SHIFT_TRAFFIC,
  /** The region is no longer wanted: remove the service there. */
  REMOVE,
  /** The region already matches. */
  NOTHING
}
