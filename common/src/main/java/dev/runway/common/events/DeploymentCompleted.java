package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import java.util.List;

/**
 * Every region of a deployment has ended, deployed or failed.
 *
 * @param service the service
 * @param environment staging or production
 * @param deploymentId the deployment
 * @param revision the revision's name
 * @param deployed regions that run it
 * @param failed regions where it failed
 * @param durationMs from the manifest change to the last region's end
 * @param regions the manifest's regions, in its order (empty when unknown)
 * @param rollout the manifest's rollout policy the revision follows; null when unknown. Carried
 *     here so that a consumer of runway.deployments never depends on having read runway.manifests
 *     first.
 */
public record DeploymentCompleted(
    String service,
    Environment environment,
    String deploymentId,
    String revision,
    List<String> deployed,
    List<String> failed,
    long durationMs,
    List<String> regions,
    RunwayManifest.Rollout rollout)
    implements RunwayEvent {

  public DeploymentCompleted {
    Require.name(service, "service");
    Require.present(environment, "environment");
    Require.text(deploymentId, "deployment_id");
    Require.name(revision, "revision");
    deployed = Require.list(deployed, "deployed");
    failed = Require.list(failed, "failed");
    regions = regions == null ? List.of() : List.copyOf(regions);
  }
}
