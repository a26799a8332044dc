package dev.runway.reconciler.deploy;

import dev.runway.common.events.RegionAction;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.config.ReconcilerConfig;
import dev.runway.reconciler.rollout.TrafficSplits;
import dev.runway.reconciler.runtime.DeployFailed;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.runtime.RunningRevision;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Carries out region work concurrently: every region is its own task on a bounded pool, so one slow
 * region never holds the others back. A region already being worked on is not started twice, here
 * or by another replica ({@link Replicas#claim}). The runtime calls are idempotent, so a region
 * re-driven after a restart adopts what already runs.
 */
@ApplicationScoped
public class RegionDeployer {

  private static final Logger LOG = Logger.getLogger(RegionDeployer.class);

  private final RegionRuntime runtime;
  private final DeploymentProgress progress;
  private final Replicas replicas;
  private final ExecutorService pool;
  private final boolean guarded;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public RegionDeployer(
      RegionRuntime runtime,
      DeploymentProgress progress,
      Replicas replicas,
      ReconcilerConfig config) {
    this.runtime = runtime;
    this.progress = progress;
    this.replicas = replicas;
    this.guarded = config.guardedRollouts();
    this.pool =
        Executors.newFixedThreadPool(
            config.parallelism(),
            r -> {
              Thread t = new Thread(r, "region-deployer");
              t.setDaemon(true);
              return t;
            });
  }

  /** Stops taking work and waits briefly for regions under way, before the runtime may stop. */
  void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the region's work unless it is already under way; returns at once. */
  void drive(RegionWork request, Context trace) {
    String key =
        request.service()
            + "/"
            + request.environment()
            + "/"
            + request.region()
            + "/"
            + request.deploymentId();
    if (!inFlight.add(key)) {
      return;
    }
    try {
      pool.execute(() -> carryOut(request, trace, key));
    } catch (RejectedExecutionException stopping) {
      inFlight.remove(key); // shutting down; the next start re-drives the region
    }
  }

  private void carryOut(RegionWork request, Context trace, String key) {
    try {
      if (!claimed(request)) {
        return;
      }
      RegionOutcome outcome = work(request);
      VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> progress.regionEnded(outcome, trace)));
    } catch (Throwable e) {
      LOG.errorf(
          e,
          "Recording the end of %s in %s failed; the drift check will retry",
          request.revision().name(),
          request.region());
    } finally {
      inFlight.remove(key);
    }
  }

  /**
   * Whether this replica is to carry the work out: not when another live replica drives the region,
   * nor when the claim cannot be written (the orphan check tries again).
   */
  private boolean claimed(RegionWork request) {
    try {
      if (VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> replicas.claim(request)))) {
        return true;
      }
      LOG.debugf(
          "%s in %s is driven by another replica, or has moved on",
          request.revision().name(), request.region());
    } catch (Throwable e) {
      LOG.warnf(
          "Could not claim %s in %s (%s); the orphan check drives it again",
          request.revision().name(), request.region(), e.toString());
    }
    return false;
  }

  private RegionOutcome work(RegionWork request) {
    Placement placement = request.placement();
    long start = System.nanoTime();
    try {
      if (request.action() == RegionAction.REMOVE) {
        runtime.remove(placement);
        return RegionOutcome.removed(request, millisSince(start));
      }
      RunningRevision running = runtime.deploy(placement, request.revision());
      Map<String, String> urls = RunningRevision.urls(runtime.running(placement));
      urls.put(running.revision(), running.url());
      Map<String, Integer> traffic =
          TrafficSplits.afterDeploy(
              runtime.traffic(placement), urls.keySet(), running.revision(), guarded);
      runtime.route(placement, traffic);
      urls.keySet().retainAll(traffic.keySet());
      return RegionOutcome.deployed(request, running.url(), traffic, urls, millisSince(start));
    } catch (DeployFailed e) {
      return RegionOutcome.failed(request, e.getMessage(), millisSince(start));
    } catch (RuntimeException e) {
      return RegionOutcome.failed(request, e.toString(), millisSince(start));
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Starts the regions a committed manifest left deploying, read back from the records. Called once
   * the manifest's transaction committed, so a failure to read is logged, not thrown: drift
   * correction drives every deploying region again within its interval.
   */
  public Uni<Void> drivePending(String service, Environment environment, Context trace) {
    return Panache.withSession(() -> RegionWork.pending(service, environment))
        .invoke(work -> work.forEach(w -> drive(w, trace)))
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Could not start the regions of %s/%s now (%s); drift correction will",
                    service, environment, e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
