package dev.runway.common.events;

import java.util.List;

/**
 * Provisioning a service failed; nothing was deployed. An operator reads the reason.
 *
 * @param service the Cloud Run service name
 * @param regions the regions that were requested
 * @param reason what went wrong, for a person
 */
public record ServiceProvisioningFailed(String service, List<String> regions, String reason)
    implements RunwayEvent {

  public ServiceProvisioningFailed {
    Require.name(service, "service");
    regions = Require.list(regions, "regions");
    Require.text(reason, "reason");
  }
}
