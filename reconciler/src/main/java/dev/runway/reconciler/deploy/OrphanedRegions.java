package dev.runway.reconciler.deploy;

import dev.runway.reconciler.plan.RegionStatus;
import dev.runway.reconciler.state.RegionState;
import dev.runway.service.lease.Leases;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Drives again, within seconds, a deploying region whose replica is gone: killed (its heartbeat
 * expired), or never claimed it (it died between committing the region and starting its work).
 * Every replica looks; the claim ({@link Replicas#claim}) lets exactly one of them take it.
 */
@ApplicationScoped
public class OrphanedRegions {

  private static final Logger LOG = Logger.getLogger(OrphanedRegions.class);

  /** How long a committed region may wait for its replica to claim it before it is an orphan. */
  private static final Duration UNCLAIMED = Duration.ofSeconds(5);

  private final Leases leases;
  private final RegionDeployer deployer;

  public OrphanedRegions(Leases leases, RegionDeployer deployer) {
    this.leases = leases;
    this.deployer = deployer;
  }

  @Scheduled(
      every = "${runway.reconciler.orphan-check}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void redrive() {
    try {
      List<RegionWork> orphans = find(leases);
      orphans.forEach(
          work -> {
            LOG.warnf(
                "%s in %s/%s/%s was left deploying by a replica that is gone; driving it again",
                work.revision().name(), work.service(), work.environment(), work.region());
            deployer.drive(work, Context.root());
          });
    } catch (Throwable e) {
      LOG.debugf("Could not look for orphaned regions now (next check retries): %s", e.toString());
    }
  }

  private static List<RegionWork> find(Leases leases) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withSession(
                () ->
                    RegionState.<RegionState>list("status", RegionStatus.DEPLOYING)
                        .chain(
                            deploying -> {
                              List<String> drivers =
                                  deploying.stream()
                                      .map(s -> s.driver)
                                      .filter(Objects::nonNull)
                                      .distinct()
                                      .map(d -> Replicas.PREFIX + d)
                                      .toList();
                              return leases
                                  .live(drivers)
                                  .map(
                                      live ->
                                          orphans(
                                              deploying,
                                              live.stream()
                                                  .map(n -> n.substring(Replicas.PREFIX.length()))
                                                  .collect(Collectors.toSet())));
                            })
                        .chain(RegionWork::of)));
  }

  private static List<RegionState> orphans(List<RegionState> deploying, Set<String> live) {
    OffsetDateTime unclaimedSince = OffsetDateTime.now().minus(UNCLAIMED);
    return deploying.stream()
        .filter(
            s -> s.driver == null ? s.updatedAt.isBefore(unclaimedSince) : !live.contains(s.driver))
        .toList();
  }
}
