package dev.runway.provisioner.services;

import java.time.OffsetDateTime;
import java.util.List;

/** A line of the services list. */
public record ServiceSummary(
    String name,
    long projectId,
    ServiceStatus status,
    List<String> regions,
    boolean inInventory,
    String reason,
    OffsetDateTime updatedAt) {

  static ServiceSummary of(ServiceRecord r) {
    return new ServiceSummary(
        r.name, r.projectId, r.status, r.regionList(), r.inInventory, r.reason, r.updatedAt);
  }
}
