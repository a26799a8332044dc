package dev.runway.common.events;

/** A rollout as a whole. */
public enum RolloutStatus {
  /** Regions are moving through their steps. */
  ROLLING,
  /** Every region reached 100% and baked; watching for late breaches. */
  WATCHING,
  /** Every region watched without a breach. */
  SUCCEEDED,
  /** A breach rolled at least one region back; the revision is quarantined. */
  ROLLED_BACK,
  /** A newer revision was deployed before this one finished; the newer rollout took over. */
  SUPERSEDED,
  /** A rollback could not help (the previous revision breaches too, or there is none): a person. */
  FAILED
}
