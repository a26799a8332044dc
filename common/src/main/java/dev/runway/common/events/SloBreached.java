package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.List;

/**
 * One revision in one region started burning its error budget too fast for one SLI. Published once
 * per transition; {@link SloRecovered} ends it.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision whose requests breach
 * @param sli {@code availability} or {@code latency}
 * @param objective the objective, in percent of good requests (99.9)
 * @param rule the rule that fired: {@code page-1h-5m}, {@code page-6h-30m}, {@code ticket-1d-2h},
 *     {@code ticket-3d-6h} or {@code canary-vs-stable}
 * @param severity {@code page} or {@code ticket}
 * @param burnRate the rule's burn rate: the lower of its windows' rates, the one both exceed
 * @param windows the rule's windows with their counts
 * @param budgetRemaining the share of the budget period's error budget left; negative once spent
 * @param comparison for {@code canary-vs-stable}, the stable revision it was judged against
 * @param detectedAt when the rule fired
 */
public record SloBreached(
    String service,
    Environment environment,
    String region,
    String revision,
    Sli sli,
    double objective,
    String rule,
    Severity severity,
    double burnRate,
    List<WindowEvidence> windows,
    double budgetRemaining,
    StableComparison comparison,
    Instant detectedAt)
    implements RunwayEvent {

  public SloBreached {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.present(sli, "sli");
    Require.text(rule, "rule");
    Require.present(severity, "severity");
    windows = Require.list(windows, "windows");
    if (detectedAt == null) {
      throw new IllegalArgumentException("detected_at is required");
    }
  }
}
