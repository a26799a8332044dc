package dev.runway.bench;

/**
 * One chaos run's outcome. {@code clientErrors} is -1 without traffic; {@code missed} when the
 * deployment or rollout was over before the fault landed, so the run tested nothing and is made
 * again.
 */
record ChaosOutcome(
    boolean lost,
    boolean duplicated,
    boolean stuck,
    boolean rolledBack,
    long deadLettered,
    long clientErrors,
    double recoveryMs,
    boolean missed) {

  /** The run's fault came after what it was to interrupt. */
  static ChaosOutcome missedRun() {
    return new ChaosOutcome(false, false, false, false, 0, 0, 0, true);
  }
}
