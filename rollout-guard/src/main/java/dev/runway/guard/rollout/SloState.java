package dev.runway.guard.rollout;

/** What observability last said of the new revision in one region. */
public enum SloState {
  /** No verdict yet, or too few requests to call it healthy. */
  INSUFFICIENT_DATA,
  HEALTHY,
  BREACHED
}
