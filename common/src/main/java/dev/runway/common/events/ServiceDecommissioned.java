package dev.runway.common.events;

import java.util.List;

/**
 * A removed service's resources are gone.
 *
 * @param service the Cloud Run service name
 * @param resources the resources that were removed
 */
public record ServiceDecommissioned(String service, List<ProvisionedResource> resources)
    implements RunwayEvent {

  public ServiceDecommissioned {
    Require.name(service, "service");
    resources = Require.list(resources, "resources");
  }
}
