package dev.runway.provisioner.provisioning;

import dev.runway.common.events.ProvisionedResource;
import java.util.List;

/**
 * What one {@link ResourceProvisioner} created.
 *
 * @param serviceAccount the identity the service runs as, when this provisioner made it
 * @param resources the resources that now exist
 */
public record ProvisioningResult(String serviceAccount, List<ProvisionedResource> resources) {

  public ProvisioningResult {
    resources = List.copyOf(resources);
  }
}
