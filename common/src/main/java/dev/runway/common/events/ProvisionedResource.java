package dev.runway.common.events;

/**
 * One cloud resource that exists for a service.
 *
 * @param kind the resource type, as Terraform names it ({@code google_cloud_run_v2_service})
 * @param name the resource's name in the cloud
 * @param region its region, or {@code global}
 */
public record ProvisionedResource(String kind, String name, String region) {

  public ProvisionedResource {
    Require.text(kind, "kind");
    Require.text(name, "name");
    Require.name(region, "region");
  }
}
