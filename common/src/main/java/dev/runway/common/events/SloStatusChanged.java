package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * A revision's overall SLO status in one region changed: HEALTHY (every SLI judged with enough
 * requests and no rule firing), INSUFFICIENT_DATA (too few requests to call it healthy) or
 * BREACHED. Published on each change and again at every heartbeat ({@code runway.slo.heartbeat})
 * while the revision has traffic, with {@code previous_status} equal to {@code status}; after an
 * observability restart the current status is announced again. Consumers treat it as a level, not
 * an edge, and its {@code changed_at} as the time it was judged: the rollout guard counts a verdict
 * for a step only when it was judged after the step's traffic took effect.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision
 * @param status the status now
 * @param previousStatus the status before; null when first judged
 * @param changedAt when the change was judged
 */
public record SloStatusChanged(
    String service,
    Environment environment,
    String region,
    String revision,
    SloStatus status,
    SloStatus previousStatus,
    Instant changedAt)
    implements RunwayEvent {

  public SloStatusChanged {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.present(status, "status");
  }
}
