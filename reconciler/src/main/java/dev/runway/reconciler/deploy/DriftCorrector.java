package dev.runway.reconciler.deploy;

import dev.runway.common.events.RegionAction;
import dev.runway.reconciler.config.ReconcilerConfig;
import dev.runway.reconciler.plan.RegionStatus;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.state.DeploymentRecord;
import dev.runway.reconciler.state.RegionState;
import dev.runway.reconciler.state.RevisionRecord;
import dev.runway.service.lease.Leases;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Re-reads actual state and re-converges, every {@code runway.reconciler.drift-interval} and
 * shortly after start: a region left deploying by a crash is driven again (the runtime adopts what
 * already runs), a ready region whose revision died is redeployed and reported, and a failed region
 * is tried again once its backoff ({@link FailedRetry}) has passed. With replicas, one corrects at
 * a time (a lease); a region deploying on another live replica is left to it ({@link Replicas}).
 */
@ApplicationScoped
public class DriftCorrector {

  private static final Logger LOG = Logger.getLogger(DriftCorrector.class);
  static final String LEASE = "drift-corrector";

  private final RegionRuntime runtime;
  private final RegionDeployer deployer;
  private final FailedRetry retry;
  private final CrashLoop crashLoop;
  private final Leases leases;
  private final Duration interval;
  private volatile boolean stopping;

  public DriftCorrector(
      RegionRuntime runtime, RegionDeployer deployer, Leases leases, ReconcilerConfig config) {
    this.runtime = runtime;
    this.deployer = deployer;
    this.leases = leases;
    this.interval = config.driftInterval();
    this.retry = new FailedRetry(config.failedRetry(), config.failedRetryMax());
    this.crashLoop = new CrashLoop(retry, config.failedRetryMax());
  }

  @Scheduled(
      every = "${runway.reconciler.drift-interval}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void correct() throws Throwable {
    if (stopping) {
      return;
    }
    try {
      correctOnce();
    } catch (Throwable e) {
      if (!stopping) {
        throw e;
      }
    }
  }

  void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
    stopping = true;
  }

  /** Gives the drift lease up on a clean stop, so another replica corrects at its next pass. */
  void release(@Observes ShutdownEvent event) {
    try {
      VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> leases.release(LEASE)));
    } catch (Throwable e) {
      LOG.debugf("Could not give the drift lease up; it expires by itself: %s", e.toString());
    }
  }

  private void correctOnce() throws Throwable {
    // One replica corrects at a time; the lease outlives a pass, so the same one goes on.
    if (!VertxContextSupport.subscribeAndAwait(
        () -> Panache.withTransaction(() -> leases.acquire(LEASE, interval.multipliedBy(2))))) {
      LOG.debug("Another reconciler replica corrects drift now");
      return;
    }
    List<RegionState> states =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(
                    () ->
                        RegionState.<RegionState>list(
                            "status in ?1",
                            List.of(
                                RegionStatus.DEPLOYING, RegionStatus.READY, RegionStatus.FAILED))));
    List<RegionWork> work = new ArrayList<>();
    Instant now = Instant.now();
    for (RegionState state : states) {
      if (state.status == RegionStatus.FAILED) {
        if (state.revision != null && retry.due(state.failures, state.updatedAt.toInstant(), now)) {
          LOG.warnf(
              "Retrying %s in %s/%s/%s after %d failed deployment(s) in a row (last: %s); if it"
                  + " fails again, the next try is in %d s",
              state.revision,
              state.service,
              state.environment,
              state.region,
              state.failures,
              state.reason,
              retry.backoff(state.failures + 1).toSeconds());
          work.add(
              VertxContextSupport.subscribeAndAwait(
                  () -> Panache.withTransaction(() -> restart(state, 0))));
        }
      } else if (state.status == RegionStatus.DEPLOYING) {
        work.add(redrive(state));
      } else if (runtime.running(state.placement()).stream()
          .noneMatch(r -> r.revision().equals(state.revision))) {
        Instant restartedAt = state.restartedAt == null ? null : state.restartedAt.toInstant();
        int recent = crashLoop.recent(state.restarts, restartedAt, now);
        if (!crashLoop.due(recent, restartedAt, now)) {
          LOG.debugf(
              "%s in %s/%s/%s is crash-looping; waiting out its backoff",
              state.revision, state.service, state.environment, state.region);
          continue;
        }
        if (recent == 0) {
          LOG.warnf(
              "%s died in %s/%s/%s; redeploying it",
              state.revision, state.service, state.environment, state.region);
        } else {
          LOG.errorf(
              "%s died again in %s/%s/%s, %d time(s) in a row after a restart: it is"
                  + " crash-looping. Restarting it; if it dies again, the next restart waits %d s"
                  + " (its log is under the runtime's state directory)",
              state.revision,
              state.service,
              state.environment,
              state.region,
              recent,
              crashLoop.next(recent).toSeconds());
        }
        work.add(
            VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> restart(state, recent + 1))));
      }
    }
    work.stream().filter(r -> r != null).forEach(r -> deployer.drive(r, Context.root()));
  }

  private static RegionWork redrive(RegionState state) throws Throwable {
    RevisionRecord record =
        VertxContextSupport.subscribeAndAwait(
            () ->
                Panache.withSession(() -> RevisionRecord.<RevisionRecord>findById(state.revision)));
    return RegionWork.of(state, record);
  }

  /**
   * Opens a one-region deployment that brings the dead revision back ({@code restarts} > 0: the
   * restart in a row it is, after it died; 0: a retry of a failed deployment), unless another
   * writer has moved the region on since it was read (then there is nothing to correct, and no
   * work).
   */
  private static Uni<RegionWork> restart(RegionState seen, int restarts) {
    return RegionState.locked(seen.service, seen.environment, seen.region)
        .chain(
            state ->
                state == null
                        || state.status != seen.status
                        || !java.util.Objects.equals(state.revision, seen.revision)
                        || !java.util.Objects.equals(state.deploymentId, seen.deploymentId)
                    ? Uni.createFrom().<RegionWork>nullItem()
                    : RevisionRecord.<RevisionRecord>findById(state.revision)
                        .chain(
                            record -> {
                              DeploymentRecord deployment = new DeploymentRecord();
                              deployment.id = "drift-" + UUID.randomUUID();
                              deployment.service = state.service;
                              deployment.environment = state.environment;
                              deployment.revision = state.revision;
                              deployment.regions = state.region;
                              deployment.startedAt = OffsetDateTime.now();
                              if (restarts > 0) {
                                state.restarting(deployment.id, restarts);
                              } else {
                                state.deploying(state.revision, RegionAction.DEPLOY, deployment.id);
                              }
                              return deployment.persist().replaceWith(RegionWork.of(state, record));
                            }));
  }
}
