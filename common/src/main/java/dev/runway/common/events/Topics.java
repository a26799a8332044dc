package dev.runway.common.events;

import java.util.List;
import java.util.Set;

/** Kafka topics: events grouped by domain, as in ARCHITECTURE.md. */
public final class Topics {
  private Topics() {}

  /** Inventory and per-service provisioning. */
  public static final String SERVICES = "runway.services";

  /** Manifest changes and dry runs. */
  public static final String MANIFESTS = "runway.manifests";

  /** Region deployments, traffic shifts, rollbacks. */
  public static final String DEPLOYMENTS = "runway.deployments";

  /** SLO breaches, recoveries and status changes. */
  public static final String SLO = "runway.slo";

  /** The rollout guard's decisions: traffic steps, rollbacks, promotions. */
  public static final String ROLLOUTS = "runway.rollouts";

  /** Aggregated request statistics from the gateway. */
  public static final String TELEMETRY = "runway.telemetry";

  /** Records no consumer could handle, with the reason in their headers. */
  public static final String DEAD_LETTER = "runway.dead-letter";

  /**
   * The topics a reader rebuilds its state from by replaying them from the beginning (the gateway's
   * route table reads every deployment and service event there is), so they are kept for ever: with
   * Kafka's default retention of 7 days, a router restarted a week after a service's last
   * deployment would have no route to it. Dead letters are kept until an operator has looked at
   * them, which has no deadline either.
   */
  public static final Set<String> KEPT_FOR_EVER = Set.of(SERVICES, DEPLOYMENTS, DEAD_LETTER);

  /** Every topic, so that a service can make sure they all exist before it starts consuming. */
  public static final List<String> ALL =
      List.of(SERVICES, MANIFESTS, DEPLOYMENTS, SLO, ROLLOUTS, TELEMETRY, DEAD_LETTER);
}
