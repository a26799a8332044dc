package dev.runway.reconciler.api;

import dev.runway.common.manifest.Environment;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A service's state per environment × region, for {@code GET /api/v1/services/{name}/status}. */
public record StatusView(String service, List<EnvironmentView> environments) {

  /** One environment: the revision it should run, and each region. */
  public record EnvironmentView(
      Environment environment, String desiredRevision, List<RegionView> regions) {}

  /**
   * One region: what runs there and how far it got. {@code restarts} counts the times its revision
   * died and was started again in a row, as Kubernetes' RESTARTS does.
   */
  public record RegionView(
      String region,
      String revision,
      String status,
      String url,
      Map<String, Integer> traffic,
      String reason,
      int restarts,
      OffsetDateTime updatedAt) {}
}
