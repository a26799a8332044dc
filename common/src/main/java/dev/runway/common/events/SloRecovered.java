package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;
import java.util.List;

/**
 * A revision that breached an SLI in a region no longer fires any rule, with enough requests to say
 * so. Published once per transition, after {@link SloBreached}.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision
 * @param sli {@code availability} or {@code latency}
 * @param breachedAt when the breach it ends was detected
 * @param windows the fastest rule's windows with their counts now
 * @param budgetRemaining the share of the budget period's error budget left
 * @param recoveredAt when no rule fired any more
 */
public record SloRecovered(
    String service,
    Environment environment,
    String region,
    String revision,
    Sli sli,
    Instant breachedAt,
    List<WindowEvidence> windows,
    double budgetRemaining,
    Instant recoveredAt)
    implements RunwayEvent {

  public SloRecovered {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.present(sli, "sli");
    windows = Require.list(windows, "windows");
    if (recoveredAt == null) {
      throw new IllegalArgumentException("recovered_at is required");
    }
  }
}
