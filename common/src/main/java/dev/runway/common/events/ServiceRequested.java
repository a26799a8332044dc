package dev.runway.common.events;

import java.util.List;

/**
 * A service was added to the inventory, or its project or regions changed: it needs its resources
 * (re)provisioned.
 *
 * @param service the Cloud Run service name
 * @param projectId the GitLab project that owns the service
 * @param regions the regions it must run in, in inventory order
 * @param previousRegions the regions it had before; empty for a new service
 */
public record ServiceRequested(
    String service, long projectId, List<String> regions, List<String> previousRegions)
    implements RunwayEvent {

  public ServiceRequested {
    Require.name(service, "service");
    regions = Require.list(regions, "regions");
    previousRegions = previousRegions == null ? List.of() : List.copyOf(previousRegions);
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("regions must not be empty");
    }
  }
}
