package dev.runway.observability.slo;

import dev.runway.common.events.WindowEvidence;

/**
 * One window of a rule as evaluated.
 *
 * @param label the rule's name for it (5m), before scaling
 * @param seconds its length after scaling
 * @param counts what it held
 * @param burnRate its bad ratio over the error budget
 */
public record WindowCounts(String label, long seconds, Counts counts, double burnRate) {

  public WindowEvidence evidence() {
    return new WindowEvidence(label, seconds, counts.requests(), counts.bad(), burnRate);
  }
}
