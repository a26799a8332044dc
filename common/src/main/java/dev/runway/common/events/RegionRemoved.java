package dev.runway.common.events;

import dev.runway.common.manifest.Environment;

/**
 * A region no longer in the manifest: every revision there stopped, no traffic goes there.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param deploymentId the deployment that removed it
 */
public record RegionRemoved(
    String service, Environment environment, String region, String deploymentId)
    implements RunwayEvent {

  public RegionRemoved {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.text(deploymentId, "deployment_id");
  }
}
