package dev.runway.common.events;

/** One revision's standing on one SLI in one region. */
public enum SloStatus {
  /** Some rule fires. */
  BREACHED,
  /** No rule fires, and the fastest rule had enough requests to say so. */
  HEALTHY,
  /** No rule fires, but too few requests to call it healthy. */
  INSUFFICIENT_DATA
}
