package dev.runway.common.events;

import dev.runway.common.manifest.Environment;

/**
 * Deploying a revision to one region failed; other regions are unaffected.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param deploymentId the deployment this region belonged to
 * @param revision the revision's name
 * @param reason what went wrong, for a person
 */
public record RegionDeployFailed(
    String service,
    Environment environment,
    String region,
    String deploymentId,
    String revision,
    String reason)
    implements RunwayEvent {

  public RegionDeployFailed {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.text(deploymentId, "deployment_id");
    Require.name(revision, "revision");
    Require.text(reason, "reason");
  }
}
