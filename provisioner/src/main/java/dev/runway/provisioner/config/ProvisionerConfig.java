package dev.runway.provisioner.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** The provisioner's own settings, under {@code runway.provisioner.*}. */
@ConfigMapping(prefix = "runway.provisioner")
public interface ProvisionerConfig {

  /** Where each service's generated Terraform JSON is written, one directory per service. */
  Path terraformDir();

  /** The Google Cloud project the generated resources belong to. */
  String gcpProject();
}
