package dev.runway.common.events;

import java.util.List;

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

  /** Every topic, so that a service can make sure they all exist before it starts consuming. */
  public static final List<String> ALL =
      List.of(SERVICES, MANIFESTS, DEPLOYMENTS, SLO, ROLLOUTS, TELEMETRY, DEAD_LETTER);
}
