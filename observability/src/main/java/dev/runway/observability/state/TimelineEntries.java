package dev.runway.observability.state;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.PromotionApproved;
import dev.runway.common.events.PromotionBlocked;
import dev.runway.common.events.RegionDeployFailed;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.RollbackFailed;
import dev.runway.common.events.RollbackRequested;
import dev.runway.common.events.RolledBack;
import dev.runway.common.events.RolloutFinished;
import dev.runway.common.events.RolloutStarted;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.SloRecovered;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The line a deployment-timeline entry shows for each event worth showing. */
public final class TimelineEntries {
  private TimelineEntries() {}

  /**
   * @param environment the environment, if the event names one
   * @param region the region, if the event names one
   * @param kind the event's name
   * @param detail one line for a person
   */
  public record Entry(Environment environment, String region, String kind, String detail) {}

  public static Optional<Entry> of(RunwayEvent event) {
    if (event instanceof ManifestChanged e) {
      return entry(
          e.environment(),
          null,
          e,
          "manifest from " + e.origin() + (e.commit() == null ? "" : " @ " + e.commit()));
    }
    if (event instanceof RegionDeployed e) {
      return entry(
          e.environment(), e.region(), e, e.revision() + " ready in " + e.durationMs() + " ms");
    }
    if (event instanceof RegionDeployFailed e) {
      return entry(e.environment(), e.region(), e, e.revision() + " failed: " + e.reason());
    }
    if (event instanceof TrafficShifted e) {
      return entry(e.environment(), e.region(), e, split(e.weights()));
    }
    if (event instanceof RegionRemoved e) {
      return entry(e.environment(), e.region(), e, "region removed");
    }
    if (event instanceof DeploymentCompleted e) {
      return entry(
          e.environment(),
          null,
          e,
          e.revision()
              + " deployed to "
              + e.deployed()
              + (e.failed().isEmpty() ? "" : ", failed in " + e.failed()));
    }
    if (event instanceof SloBreached e) {
      return entry(
          e.environment(),
          e.region(),
          e,
          String.format(
              Locale.ROOT,
              "%s %s breached (%s, burn %.1fx)",
              e.revision(),
              e.sli().label(),
              e.rule(),
              e.burnRate()));
    }
    if (event instanceof SloRecovered e) {
      return entry(
          e.environment(), e.region(), e, e.revision() + " " + e.sli().label() + " recovered");
    }
    if (event instanceof RolloutStarted e) {
      return entry(
          e.environment(),
          null,
          e,
          e.revision() + " rolling out " + e.strategy() + " through " + e.steps() + "%");
    }
    if (event instanceof RollbackRequested e) {
      return entry(e.environment(), e.region(), e, e.reason());
    }
    if (event instanceof RolledBack e) {
      return entry(
          e.environment(),
          e.region(),
          e,
          "traffic back on " + e.toRevision() + ", " + e.revision() + " quarantined");
    }
    if (event instanceof RollbackFailed e) {
      return entry(e.environment(), e.region(), e, e.reason());
    }
    if (event instanceof PromotionApproved e) {
      return entry(Environment.PRODUCTION, null, e, e.revision() + " approved for production");
    }
    if (event instanceof PromotionBlocked e) {
      return entry(Environment.PRODUCTION, null, e, e.revision() + " blocked: " + e.reason());
    }
    if (event instanceof RolloutFinished e) {
      return entry(
          e.environment(),
          null,
          e,
          e.revision()
              + " "
              + e.status().name().toLowerCase(Locale.ROOT)
              + (e.rolledBack().isEmpty() ? "" : " in " + e.rolledBack()));
    }
    return Optional.empty();
  }

  static String split(Map<String, Integer> weights) {
    return weights.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(w -> w.getKey() + " " + w.getValue() + "%")
        .collect(Collectors.joining(", "));
  }

  private static Optional<Entry> entry(
      Environment environment, String region, RunwayEvent event, String detail) {
    return Optional.of(new Entry(environment, region, event.getClass().getSimpleName(), detail));
  }
}
