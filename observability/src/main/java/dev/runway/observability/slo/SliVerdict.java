package dev.runway.observability.slo;

import dev.runway.common.events.Sli;
import dev.runway.common.events.SloStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything evaluation found for one revision's SLI in one region.
 *
 * @param sli the SLI
 * @param status breached, healthy or insufficient data
 * @param findings one per rule (the burn-rate rules in order, then the canary test if it applies)
 * @param budgetRemaining the error budget left over the budget period
 * @param requests the requests the status rests on: the step's, or the fastest rule's short
 *     window's
 */
public record SliVerdict(
    Sli sli, SloStatus status, List<Finding> findings, double budgetRemaining, long requests) {

  public SliVerdict {
    findings = List.copyOf(findings);
  }

  /**
   * The firing finding to report: pages before tickets, then the highest burn rate, so the event
   * names the most urgent reason.
   */
  public Optional<Finding> decisive() {
    return findings.stream()
        .filter(Finding::firing)
        .min(
            Comparator.comparing(Finding::severity)
                .thenComparing(Finding::burnRate, Comparator.reverseOrder()));
  }

  /** The fastest burn-rate rule's finding: the figures a dashboard shows. */
  public Finding fastest() {
    return findings.get(0);
  }
}
