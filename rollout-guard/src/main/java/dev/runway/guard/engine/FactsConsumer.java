package dev.runway.guard.engine;

import dev.runway.common.events.DeploymentCompleted;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.SloBreached;
import dev.runway.common.events.SloStatus;
import dev.runway.common.events.SloStatusChanged;
import dev.runway.common.events.TrafficShiftFailed;
import dev.runway.common.events.TrafficShifted;
import dev.runway.common.manifest.Environment;
import dev.runway.guard.notify.Notifications;
import dev.runway.guard.rollout.Input;
import dev.runway.guard.rollout.RegionPhase;
import dev.runway.guard.rollout.RegionProgress;
import dev.runway.guard.rollout.Rollout;
import dev.runway.guard.state.ManifestRow;
import dev.runway.guard.state.RegionTrafficRow;
import dev.runway.guard.state.RolloutRow;
import dev.runway.service.messaging.EventConsumption;
import dev.runway.service.messaging.InboundEvent;
import dev.runway.service.persistence.JsonColumn;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns facts from the bus into rollout inputs: a completed deployment starts a rollout, a
 * TrafficShifted confirms a step, SLO verdicts and breaches decide each step, and rollback, blocked
 * promotion and failed rollback events are handed to the notifier. Each event is handled once
 * (inbox) in the same transaction as the rollout's new state and its outgoing events.
 */
@ApplicationScoped
public class FactsConsumer {

  static final String CONSUMER = "rollout-guard";

  private final EventConsumption consumption;
  private final RolloutEngine engine;
  private final RolloutStarter starter;
  private final Notifications notifications;

  public FactsConsumer(
      EventConsumption consumption,
      RolloutEngine engine,
      RolloutStarter starter,
      Notifications notifications) {
    this.consumption = consumption;
    this.engine = engine;
    this.starter = starter;
    this.notifications = notifications;
  }

  @Incoming("manifests")
  public Uni<Void> onManifest(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  @Incoming("deployments")
  public Uni<Void> onDeployment(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  @Incoming("slo")
  public Uni<Void> onSlo(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  @Incoming("rollouts")
  public Uni<Void> onRollout(Message<byte[]> message) {
    return consumption.consume(CONSUMER, message, this::handle);
  }

  private Uni<Void> handle(InboundEvent event) {
    Instant now = Instant.now();
    Object data = event.data();
    if (data instanceof ManifestChanged change) {
      return manifest(change);
    }
    if (data instanceof TrafficShifted shifted) {
      return traffic(shifted)
          .chain(
              () ->
                  eachActive(
                      shifted.service(),
                      shifted.environment(),
                      rollout -> {
                        Integer percent = shifted.weights().get(rollout.revision());
                        return percent == null
                            ? null
                            : new Input.Shifted(shifted.region(), percent, published(event, now));
                      },
                      null,
                      event));
    }
    if (data instanceof TrafficShiftFailed failed) {
      return eachActive(
          failed.service(),
          failed.environment(),
          rollout ->
              rollout.revision().equals(failed.revision())
                  ? new Input.ShiftFailed(failed.region(), failed.percent(), failed.reason(), now)
                  : null,
          null,
          event);
    }
    if (data instanceof DeploymentCompleted completed) {
      return starter.start(completed, now, event.trace());
    }
    if (data instanceof SloStatusChanged change) {
      SloStatus state = verdict(change.status());
      return state == null
          ? Uni.createFrom().voidItem()
          : eachActive(
              change.service(),
              change.environment(),
              rollout ->
                  rollout.revision().equals(change.revision())
                      ? new Input.Verdict(
                          change.region(),
                          state,
                          change.changedAt() == null ? now : change.changedAt(),
                          change.windowStart(),
                          now)
                      : null,
              null,
              event);
    }
    if (data instanceof SloBreached breach) {
      return breached(breach, now, event);
    }
    return notifications.maybeNotify(event.envelope().data());
  }

  /**
   * When the event was published, which observability counts a share's evidence from; never later
   * than now, so a clock ahead elsewhere cannot push a step's start into the future.
   */
  private static Instant published(InboundEvent event, Instant now) {
    java.time.OffsetDateTime time = event.envelope().time();
    if (time == null) {
      return now;
    }
    Instant at = time.toInstant();
    return at.isAfter(now) ? now : at;
  }

  /** Breaches are acted on from SloBreached, which carries the evidence; the rest are levels. */
  private static SloStatus verdict(SloStatus status) {
    return status == SloStatus.BREACHED ? null : status;
  }

  /**
   * A breach of a rollout's revision decides its region; a breach of the revision the newest
   * rollout returned a region to means rolling back cannot help there.
   */
  private Uni<Void> breached(SloBreached breach, Instant now, InboundEvent event) {
    return RolloutRow.idsOf(breach.service(), breach.environment())
        .chain(
            ids -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (int i = 0; i < ids.size(); i++) {
                boolean newest = i == 0;
                String id = ids.get(i);
                chain =
                    chain.chain(
                        () ->
                            engine.apply(
                                id,
                                rollout -> {
                                  if (rollout.revision().equals(breach.revision())) {
                                    return Input.Verdict.breach(breach.region(), now);
                                  }
                                  return newest && returnedTo(rollout, breach)
                                      ? new Input.PreviousBreached(breach.region(), now)
                                      : null;
                                },
                                breach,
                                event.trace()));
              }
              return chain;
            });
  }

  /** Whether the rollout returned the breach's region to the breaching revision. */
  private static boolean returnedTo(Rollout rollout, SloBreached breach) {
    RegionProgress region = rollout.regions().get(breach.region());
    return region != null
        && region.phase() == RegionPhase.ROLLED_BACK
        && breach.revision().equals(region.previous());
  }

  private Uni<Void> eachActive(
      String service,
      Environment environment,
      java.util.function.Function<Rollout, Input> input,
      SloBreached evidence,
      InboundEvent event) {
    return RolloutRow.activeIds(service, environment)
        .chain(
            ids -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (String id : ids) {
                chain = chain.chain(() -> engine.apply(id, input, evidence, event.trace()));
              }
              return chain;
            });
  }

  private static Uni<Void> manifest(ManifestChanged change) {
    String id = ManifestRow.id(change.service(), change.environment());
    return ManifestRow.<ManifestRow>findById(id)
        .chain(
            found -> {
              ManifestRow row = found == null ? new ManifestRow() : found;
              row.id = id;
              row.service = change.service();
              row.environment = change.environment();
              row.manifest = JsonColumn.write(change.manifest());
              return row.persist().replaceWithVoid();
            });
  }

  private static Uni<Void> traffic(TrafficShifted shifted) {
    String id = RegionTrafficRow.id(shifted.service(), shifted.environment(), shifted.region());
    return RegionTrafficRow.<RegionTrafficRow>findById(id)
        .chain(
            found -> {
              RegionTrafficRow row = found == null ? new RegionTrafficRow() : found;
              row.id = id;
              row.service = shifted.service();
              row.environment = shifted.environment();
              row.region = shifted.region();
              row.weights = JsonColumn.write(shifted.weights());
              return row.persist().replaceWithVoid();
            });
  }
}
