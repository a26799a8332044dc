package dev.runway.reconciler.deploy;

import dev.runway.reconciler.config.ReconcilerConfig;
import dev.runway.service.lease.Leases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * This reconciler replica's heartbeat (a lease of its own, renewed every second), and the claim
 * that makes one replica, and only one, carry out a deploying region's work: the region records its
 * driver, and another replica, or this one's next incarnation, drives it again only once that
 * driver's lease has expired. A clean stop gives the lease up, so its regions move on at once.
 */
@ApplicationScoped
public class Replicas {

  static final String PREFIX = "reconciler-replica/";
  private static final Logger LOG = Logger.getLogger(Replicas.class);

  private final Leases leases;
  private final Duration ttl;
  private volatile boolean stopped;

  public Replicas(Leases leases, ReconcilerConfig config) {
    this.leases = leases;
    this.ttl = config.replicaLease();
  }

  /** This replica's name in the regions it drives. */
  public String me() {
    return leases.holder();
  }

  void onStart(@Observes StartupEvent event) throws Throwable {
    VertxContextSupport.subscribeAndAwait(this::heartbeat);
    LOG.infof("Reconciler replica %s is up", me());
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> heartbeat() {
    if (stopped) {
      return Uni.createFrom().voidItem();
    }
    return Panache.withTransaction(() -> leases.acquire(PREFIX + me(), ttl))
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(
                    "Could not renew this replica's heartbeat; its deploying regions move to"
                        + " another replica after %s: %s",
                    ttl, failure.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Runs after the region deployer has stopped taking work (it observes the event earlier). */
  void onStop(@Observes ShutdownEvent event) {
    stopped = true;
    try {
      VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> leases.release(PREFIX + me())));
    } catch (Throwable e) {
      LOG.warnf("Could not give up this replica's heartbeat; it expires in %s: %s", ttl, e);
    }
  }

  /**
   * Claims the region's work for this replica, unless another live replica drives it; in a
   * transaction.
   *
   * @return whether this replica is to carry it out
   */
  Uni<Boolean> claim(RegionWork work) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "update {h-schema}region_state r set driver = :me where r.id = :id"
                            + " and r.deployment_id = :deployment and r.status = 'DEPLOYING'"
                            + " and (r.driver is null or r.driver = :me or not exists ("
                            + "select 1 from {h-schema}lease l where l.name = :prefix || r.driver"
                            + " and l.expires_at > clock_timestamp()))")
                    .setParameter("me", me())
                    .setParameter(
                        "id",
                        dev.runway.reconciler.state.RegionState.id(
                            work.service(), work.environment(), work.region()))
                    .setParameter("deployment", work.deploymentId())
                    .setParameter("prefix", PREFIX)
                    .executeUpdate())
        .map(claimed -> claimed == 1);
  }
}
