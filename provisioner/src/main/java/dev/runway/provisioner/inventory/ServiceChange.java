package dev.runway.provisioner.inventory;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.ServiceDecommissionRequested;
import dev.runway.common.events.ServiceRequested;
import java.util.List;
import java.util.Locale;

/**
 * What an inventory change does to one service.
 *
 * @param service the service name
 * @param kind added, changed or removed
 * @param projectId its GitLab project (the new one, or the last one for a removal)
 * @param regions its regions after the change; empty for a removal
 * @param previousRegions its regions before; empty for an addition
 */
public record ServiceChange(
    String service, Kind kind, long projectId, List<String> regions, List<String> previousRegions) {

  /** The three ways a service can change. */
  public enum Kind {
    ADDED,
    CHANGED,
    REMOVED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The event that asks for this change to be carried out. */
  public RunwayEvent event() {
    return kind == Kind.REMOVED
        ? new ServiceDecommissionRequested(service, previousRegions)
        : new ServiceRequested(service, projectId, regions, previousRegions);
  }
}
