package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;

/**
 * Someone wants to know what a manifest would change, without changing anything (a merge request,
 * {@code runway plan}).
 *
 * @param service the service
 * @param environment staging or production
 * @param planId the id under which the plan will be kept
 * @param manifest the proposed manifest
 * @param origin where it came from ({@code api}, {@code gitlab})
 * @param reference what it is about, such as a merge request URL; may be empty
 */
public record DryRunRequested(
    String service,
    Environment environment,
    String planId,
    RunwayManifest manifest,
    Origin origin,
    String reference)
    implements RunwayEvent {

  public DryRunRequested {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.text(planId, "plan_id");
    if (manifest == null) {
      throw new IllegalArgumentException("manifest is required");
    }
    Require.present(origin, "origin");
    reference = reference == null ? "" : reference;
  }
}
