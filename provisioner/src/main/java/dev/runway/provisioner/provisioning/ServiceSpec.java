package dev.runway.provisioner.provisioning;

import java.util.List;

/**
 * What a service needs resources for.
 *
 * @param name the Cloud Run service name
 * @param projectId the GitLab project that owns it
 * @param regions the regions it runs in
 */
public record ServiceSpec(String name, long projectId, List<String> regions) {

  public ServiceSpec {
    regions = List.copyOf(regions);
  }
}
