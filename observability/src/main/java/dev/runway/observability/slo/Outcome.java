package dev.runway.observability.slo;

/** What one rule says about one revision's SLI now. */
public enum Outcome {
  FIRING,
  NOT_FIRING,
  /** Fewer requests than the minimum in a window: no verdict, and never "healthy". */
  INSUFFICIENT_DATA
}
