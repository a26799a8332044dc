package dev.runway.provisioner.services;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a service stands in its provisioning life. */
public enum ServiceStatus {
  /** In the inventory; resources are being created or updated. */
  REQUESTED,
  /** Every resource exists in every requested region. */
  PROVISIONED,
  /** Provisioning failed; the reason says why. */
  FAILED,
  /** Removed from the inventory; resources are being removed. */
  DECOMMISSION_REQUESTED,
  /** Removed from the inventory and its resources are gone. */
  DECOMMISSIONED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
