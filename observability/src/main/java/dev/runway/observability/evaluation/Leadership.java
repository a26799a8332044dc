package dev.runway.observability.evaluation;

import dev.runway.observability.SloConfig;
import dev.runway.service.lease.Leases;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Which observability replica judges. Every replica keeps the windows, so any of them can take over
 * at once, but only the holder of the judge's lease writes breaches, recoveries and status
 * announcements, and each of those writes is fenced by the lease, so two replicas never announce
 * one transition twice. A replica that cannot reach the database does not judge: the rollout guard
 * then hears no verdict and holds.
 */
@ApplicationScoped
public class Leadership {

  static final String LEASE = "slo-judge";
  private static final Logger LOG = Logger.getLogger(Leadership.class);

  private final Leases leases;
  private final Duration ttl;
  private volatile boolean leading;

  public Leadership(Leases leases, SloConfig config, MeterRegistry registry) {
    this.leases = leases;
    this.ttl = config.judgeLease();
    Gauge.builder("runway_leader", this, l -> l.leading ? 1 : 0)
        .description("1 while this replica holds the lease, else 0")
        .tag("lease", LEASE)
        .register(registry);
  }

  /** Whether this replica judges, as of its last renewal. */
  public boolean leading() {
    return leading;
  }

  /**
   * Renews or takes the lease.
   *
   * @return whether this replica judges now, and whether it just began to
   */
  Uni<Turn> renew() {
    return Panache.withTransaction(() -> leases.acquire(LEASE, ttl))
        .onFailure()
        .recoverWithItem(
            failure -> {
              if (leading) {
                LOG.warnf("Cannot renew the judge's lease, so not judging: %s", failure.toString());
              }
              return false;
            })
        .map(
            now -> {
              boolean began = now && !leading;
              if (began) {
                LOG.infof("This replica (%s) judges the SLOs now", leases.holder());
              } else if (leading && !now) {
                LOG.warnf("This replica (%s) lost the judge's lease to another", leases.holder());
              }
              leading = now;
              return new Turn(now, began);
            });
  }

  /** Fails the caller's transaction unless this replica still holds the lease. */
  Uni<Void> fence() {
    return leases
        .fence(LEASE)
        .chain(
            held ->
                held
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new NotLeading(leases.holder())));
  }

  /** Hands the lease over at once on a clean stop, instead of when it expires. */
  void onStop(@Observes ShutdownEvent event) {
    if (!leading) {
      return;
    }
    leading = false;
    try {
      VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> leases.release(LEASE)));
    } catch (Throwable e) {
      LOG.warnf("Could not release the judge's lease; it expires in %s: %s", ttl, e.toString());
    }
  }

  /** The outcome of a renewal. */
  record Turn(boolean leading, boolean began) {}

  /** A write refused because another replica holds the lease now. */
  static final class NotLeading extends RuntimeException {
    NotLeading(String holder) {
      super("replica " + holder + " no longer holds the judge's lease");
    }
  }
}
