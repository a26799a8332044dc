package dev.runway.common.events;

import dev.runway.common.manifest.Environment;

/**
 * A revision runs and is ready in one region.
 *
 * @param service the service
 * @param environment staging or production
 * @param region the region
 * @param deploymentId the deployment this region belonged to
 * @param revision the revision's name
 * @param url where the revision answers in that region
 * @param durationMs how long the region took, from request to ready
 */
public record RegionDeployed(
    String service,
    Environment environment,
    String region,
    String deploymentId,
    String revision,
    String url,
    long durationMs)
    implements RunwayEvent {

  public RegionDeployed {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.name(region, "region");
    Require.text(deploymentId, "deployment_id");
    Require.name(revision, "revision");
    Require.text(url, "url");
  }
}
