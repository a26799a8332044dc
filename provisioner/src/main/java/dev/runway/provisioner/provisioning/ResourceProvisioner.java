package dev.runway.provisioner.provisioning;

import dev.runway.common.events.ProvisionedResource;
import java.util.List;

/**
 * Creates and removes one kind of resource a service needs. Every implementation present runs for
 * every service: today the Terraform JSON of its cloud infrastructure; the GitLab deployment
 * project joins as another implementation. Calls may block; they run off the event loop.
 */
public interface ResourceProvisioner {

  /** A short name for logs and failure reasons. */
  String name();

  /**
   * Makes the resources match {@code spec}; idempotent, so a retry or a changed region set
   * converges.
   *
   * @throws Exception with a message an operator can act on
   */
  ProvisioningResult provision(ServiceSpec spec) throws Exception;

  /**
   * Removes everything this provisioner made for {@code service}; idempotent.
   *
   * @return what was removed
   */
  List<ProvisionedResource> decommission(String service) throws Exception;
}
