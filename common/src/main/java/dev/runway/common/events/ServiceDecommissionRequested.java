package dev.runway.common.events;

import java.util.List;

/**
 * A service was removed from the inventory: its resources must go.
 *
 * @param service the Cloud Run service name
 * @param regions the regions it ran in
 */
public record ServiceDecommissionRequested(String service, List<String> regions)
    implements RunwayEvent {

  public ServiceDecommissionRequested {
    Require.name(service, "service");
    regions = Require.list(regions, "regions");
  }
}
