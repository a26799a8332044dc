package dev.runway.guard.rollout;

/** Where one region of a rollout is. */
public enum RegionPhase {
  /** Its wave has not started. */
  WAITING,
  /** A traffic step was asked for and not yet confirmed by TrafficShifted. */
  SHIFTING,
  /** At a step, holding for the bake time. */
  BAKING,
  /** At 100% and baked; a breach during the watch still rolls it back. */
  WATCHING,
  /** Watched without a breach: finished. */
  DONE,
  /** Its traffic went back to the previous revision. */
  ROLLED_BACK,
  /** Never started: a breach elsewhere halted the rollout. */
  HALTED;

  /** Whether the new revision takes traffic in the region. */
  public boolean serving() {
    return this == SHIFTING || this == BAKING || this == WATCHING || this == DONE;
  }

  /** Whether the region's part of the rollout is over. */
  public boolean ended() {
    return this == DONE || this == ROLLED_BACK || this == HALTED;
  }
}
