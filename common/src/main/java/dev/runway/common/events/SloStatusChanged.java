package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import java.time.Instant;

/**
 * A revision's overall SLO status in one region changed: HEALTHY (every SLI judged with enough
 * requests and no rule firing), INSUFFICIENT_DATA (too few requests to call it healthy) or
 * BREACHED. Published on each change and again at every heartbeat ({@code runway.slo.heartbeat})
 * while the revision has traffic, with {@code previous_status} equal to {@code status}; after an
 * observability restart the current status is announced again. Consumers treat it as a level, not
 * an edge. Each verdict names the evidence it judged: the window from {@code window_start} to
 * {@code window_end} and the requests in it. For a revision whose traffic share changed, the window
 * begins when that share took effect (plus the metric lag) and grows until it holds enough
 * requests, so a low-traffic canary reaches a verdict by waiting longer; the rollout guard counts a
 * verdict for a step only when its window began after the step's traffic took effect.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param revision the revision
 * @param status the status now
 * @param previousStatus the status before; null when first judged
 * @param changedAt when the change was judged
 * @param windowStart the start of the window judged; null from a publisher that did not name it,
 *     which the guard counts as no evidence
 * @param windowEnd the end of the window judged (exclusive)
 * @param requests the new revision's requests in the window
 */
public record SloStatusChanged(
    String service,
    Environment environment,
    String region,
    String revision,
    SloStatus status,
    SloStatus previousStatus,
    Instant changedAt,
    Instant windowStart,
    Instant windowEnd,
    long requests)
    implements RunwayEvent {

  public SloStatusChanged {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.name(revision, "revision");
    Require.present(status, "status");
    if (windowStart != null && (windowEnd == null || windowEnd.isBefore(windowStart))) {
      throw new IllegalArgumentException("window_end must be given and not before window_start");
    }
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative, got " + requests);
    }
  }
}
