package dev.runway.observability.state;

import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.RegionDeployed;
import dev.runway.common.events.RegionRemoved;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.service.messaging.EventConsumption;
import dev.runway.service.messaging.InboundEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Observability's view of the facts it judges by: objectives from manifests, revisions and weights
 * from deployments, and the timeline from both and from the SLO events. Each event is handled once
 * (inbox) in the transaction that writes its effect.
 */
@ApplicationScoped
public class FactsConsumer {

  static final String CONSUMER = "observability";

  private final EventConsumption consumption;
  private final Topology topology;
  private final Timeline timeline;

  public FactsConsumer(EventConsumption consumption, Topology topology, Timeline timeline) {
    this.consumption = consumption;
    this.topology = topology;
    this.timeline = timeline;
  }

  @Incoming("manifests")
  public Uni<Void> onManifest(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  @Incoming("deployments")
  public Uni<Void> onDeployment(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  @Incoming("rollouts")
  public Uni<Void> onRollout(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  @Incoming("slo")
  public Uni<Void> onSlo(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  private Uni<Void> handle(InboundEvent event) {
    OffsetDateTime at = event.envelope().time().withOffsetSameInstant(ZoneOffset.UTC);
    return effect(event, at).chain(() -> timeline(event, at));
  }

  private Uni<Void> effect(InboundEvent event, OffsetDateTime at) {
    if (event.data() instanceof ManifestChanged change) {
      return objectives(change);
    }
    if (event.data() instanceof RegionDeployed deployed) {
      return revision(
              deployed.service(),
              deployed.environment(),
              deployed.region(),
              deployed.revision(),
              at)
          .replaceWithVoid();
    }
    if (event.data() instanceof TrafficShifted shifted) {
      return weights(shifted, at);
    }
    if (event.data() instanceof RegionRemoved removed) {
      return RegionRevisionRow.delete(
              "service = ?1 and environment = ?2 and region = ?3",
              removed.service(),
              removed.environment(),
              removed.region())
          .invoke(
              () ->
                  topology.removeRegion(removed.service(), removed.environment(), removed.region()))
          .replaceWithVoid();
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> objectives(ManifestChanged change) {
    RunwayManifest.Slo slo = change.manifest().spec().slo();
    String id = ObjectiveRow.id(change.service(), change.environment());
    return ObjectiveRow.<ObjectiveRow>findById(id)
        .chain(
            found -> {
              ObjectiveRow row = found == null ? new ObjectiveRow() : found;
              row.id = id;
              row.service = change.service();
              row.environment = change.environment();
              row.availability = slo.availability();
              row.latencyThresholdMs = slo.latencyThresholdMs();
              row.regions = String.join(",", change.manifest().spec().regions());
              return row.<ObjectiveRow>persist();
            })
        .invoke(topology::put)
        .replaceWithVoid();
  }

  private Uni<RegionRevisionRow> revision(
      String service, Environment environment, String region, String revision, OffsetDateTime at) {
    String id = RegionRevisionRow.id(service, environment, region, revision);
    return RegionRevisionRow.<RegionRevisionRow>findById(id)
        .chain(
            found -> {
              if (found != null) {
                return Uni.createFrom().item(found);
              }
              RegionRevisionRow row = new RegionRevisionRow();
              row.id = id;
              row.service = service;
              row.environment = environment;
              row.region = region;
              row.revision = revision;
              row.firstSeen = at;
              row.weight = 0;
              row.weightSince = at;
              return row.<RegionRevisionRow>persist().invoke(topology::put);
            });
  }

  private Uni<Void> weights(TrafficShifted shifted, OffsetDateTime at) {
    Uni<Void> known = Uni.createFrom().voidItem();
    for (String revision : shifted.weights().keySet()) {
      known =
          known.chain(
              () ->
                  revision(shifted.service(), shifted.environment(), shifted.region(), revision, at)
                      .replaceWithVoid());
    }
    return known
        .chain(
            () ->
                RegionRevisionRow.<RegionRevisionRow>list(
                    "service = ?1 and environment = ?2 and region = ?3",
                    shifted.service(),
                    shifted.environment(),
                    shifted.region()))
        .invoke(
            rows -> {
              Map<String, Integer> weights = shifted.weights();
              for (RegionRevisionRow row : rows) {
                int weight = weights.getOrDefault(row.revision, 0);
                // Every shift that names the revision starts its evidence again, a confirmation of
                // the same share included: the rollout guard counts a step from the shift that
                // confirmed it, so a window begun at an earlier shift would never count for it.
                if (weight != row.weight || weights.containsKey(row.revision)) {
                  row.weight = weight;
                  row.weightSince = at;
                }
                topology.put(row);
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> timeline(InboundEvent event, OffsetDateTime at) {
    return TimelineEntries.of(event.data())
        .map(
            entry -> {
              TimelineRow row = new TimelineRow();
              row.at = at;
              row.service = event.data().service();
              row.environment = entry.environment();
              row.region = entry.region();
              row.kind = entry.kind();
              row.detail = entry.detail();
              return row.persist().invoke(() -> timeline.add(row)).replaceWithVoid();
            })
        .orElseGet(() -> Uni.createFrom().voidItem());
  }
}
