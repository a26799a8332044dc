package dev.runway.common.events;

import dev.runway.common.manifest.Environment;

/**
 * Deploy one revision to one region. One is published per region of a deployment; regions are
 * carried out independently and concurrently.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param deploymentId the deployment this region belongs to
 * @param action what to do there
 * @param revision the revision to run (for REMOVE, the one being removed)
 */
public record RegionDeployRequested(
    String service,
    Environment environment,
    String region,
    String deploymentId,
    RegionAction action,
    Revision revision)
    implements RunwayEvent {

  public RegionDeployRequested {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.text(deploymentId, "deployment_id");
    if (action == null || revision == null) {
      throw new IllegalArgumentException("action and revision are required");
    }
  }
}
