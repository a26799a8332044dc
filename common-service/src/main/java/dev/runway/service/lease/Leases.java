package dev.runway.service.lease;

import dev.runway.service.config.RunwayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Named leases in this service's schema, on the database's clock: how replicas of one service agree
 * on who does what runs once at a time (observability's judge, the reconciler's drift correction)
 * and which replicas are alive (a region being deployed belongs to a live replica). A lease is held
 * until it expires or is released, and a holder that stopped renewing it (killed, frozen, cut off
 * from the database) loses it when it expires, never before.
 *
 * <p>A holder that was frozen past its expiry may not know it lost the lease. So a write that only
 * the holder may make runs {@link #fence} in its own transaction: it checks the lease and locks its
 * row, and a replica taking the lease over waits for that transaction to end.
 */
@ApplicationScoped
public class Leases {

  private final String table;
  private final String holder;

  @Inject
  public Leases(RunwayConfig config) {
    this(config.dbSchema() + ".lease", ProcessHandle.current().pid() + "-" + UUID.randomUUID());
  }

  /** A lease table seen as {@code holder}: tests stand for a second replica with it. */
  public Leases(String table, String holder) {
    this.table = table;
    this.holder = holder;
  }

  /** This process's name in every lease it holds; a new one on every start. */
  public String holder() {
    return holder;
  }

  /**
   * Takes the lease, or renews it, for {@code ttl} from now; must run in a transaction.
   *
   * @return whether this process holds it now
   */
  public Uni<Boolean> acquire(String name, Duration ttl) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into "
                            + table
                            + " as l (name, holder, expires_at) values (:name, :holder,"
                            + " clock_timestamp() + :ttl * interval '1 millisecond')"
                            + " on conflict (name) do update set holder = excluded.holder,"
                            + " expires_at = excluded.expires_at"
                            + " where l.holder = excluded.holder or l.expires_at <= clock_timestamp()")
                    .setParameter("name", name)
                    .setParameter("holder", holder)
                    .setParameter("ttl", ttl.toMillis())
                    .executeUpdate())
        .map(updated -> updated == 1);
  }

  /**
   * Whether this process holds the lease, checked in the caller's transaction and with the lease's
   * row locked until it ends, so the lease cannot change hands before the caller's writes commit.
   */
  public Uni<Boolean> fence(String name) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select name from "
                            + table
                            + " where name = :name and holder = :holder"
                            + " and expires_at > clock_timestamp() for share",
                        String.class)
                    .setParameter("name", name)
                    .setParameter("holder", holder)
                    .getResultList())
        .map(rows -> !rows.isEmpty());
  }

  /** Gives the lease up at once, if this process holds it; must run in a transaction. */
  public Uni<Void> release(String name) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "delete from " + table + " where name = :name and holder = :holder")
                    .setParameter("name", name)
                    .setParameter("holder", holder)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** The names among {@code names} whose lease is held now, by anyone. */
  public Uni<List<String>> live(List<String> names) {
    if (names.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select name from "
                            + table
                            + " where name in (:names) and expires_at > clock_timestamp()",
                        String.class)
                    .setParameter("names", names)
                    .getResultList());
  }
}
