package dev.runway.common.events;

import java.util.List;

/**
 * Everything a service needs exists in every requested region; it can be deployed.
 *
 * @param service the Cloud Run service name
 * @param projectId the GitLab project that owns the service
 * @param regions the regions provisioned
 * @param serviceAccount the identity its revisions run as
 * @param resources every resource that now exists for it
 */
public record ServiceProvisioned(
    String service,
    long projectId,
    List<String> regions,
    String serviceAccount,
    List<ProvisionedResource> resources)
    implements RunwayEvent {

  public ServiceProvisioned {
    Require.name(service, "service");
    regions = Require.list(regions, "regions");
    Require.text(serviceAccount, "service_account");
    resources = Require.list(resources, "resources");
  }
}
