package dev.runway.provisioner.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.events.ProvisionedResource;
import dev.runway.common.json.WireJson;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service: its status, resources and every event about it, oldest first. */
public record ServiceDetail(
    String name,
    long projectId,
    ServiceStatus status,
    List<String> regions,
    boolean inInventory,
    String reason,
    String serviceAccount,
    List<ProvisionedResource> resources,
    OffsetDateTime updatedAt,
    List<HistoryEntry> history) {

  /** An event about the service as it appeared on the bus. */
  public record HistoryEntry(
      String id,
      String type,
      String source,
      OffsetDateTime time,
      @Schema(description = "The event's data, in the schema docs/events.md gives its type")
          JsonNode data) {

    static HistoryEntry of(ServiceEventRecord e) {
      try {
        return new HistoryEntry(
            e.event.id,
            e.event.type,
            e.event.source,
            e.event.time,
            WireJson.mapper().readTree(e.data));
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        throw new IllegalStateException("history entry " + e.event.id + " is not JSON", ex);
      }
    }
  }

  static ServiceDetail of(ServiceRecord r, List<ServiceEventRecord> history) {
    return new ServiceDetail(
        r.name,
        r.projectId,
        r.status,
        r.regionList(),
        r.inInventory,
        r.reason,
        r.serviceAccount,
        r.resourceList(),
        r.updatedAt,
        history.stream().map(HistoryEntry::of).toList());
  }
}
