package dev.runway.guard.state;

import dev.runway.common.events.RolloutStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.guard.rollout.Rollout;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One rollout's persisted state: the state machine's record as JSON, and what it is queried by. */
@Entity
@Table(name = "rollouts")
public class RolloutRow extends PanacheEntityBase {

  static final List<String> ACTIVE =
      List.of(RolloutStatus.ROLLING.name(), RolloutStatus.WATCHING.name());

  @Id public String id;

  public String service;

  public Environment environment;

  public String revision;

  public String status;

  public String state;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static String id(String service, Environment environment, String revision) {
    return service + "/" + environment + "/" + revision;
  }

  /** Whether the rollout is still in progress. */
  public boolean active() {
    return ACTIVE.contains(status);
  }

  public static RolloutRow of(Rollout rollout) {
    RolloutRow row = new RolloutRow();
    row.id = id(rollout.service(), rollout.environment(), rollout.revision());
    row.service = rollout.service();
    row.environment = rollout.environment();
    row.revision = rollout.revision();
    row.startedAt = OffsetDateTime.now();
    row.set(rollout);
    return row;
  }

  public Rollout rollout() {
    return JsonColumn.read(state, Rollout.class);
  }

  public void set(Rollout rollout) {
    this.state = JsonColumn.write(rollout);
    this.status = rollout.status().name();
    this.updatedAt = OffsetDateTime.now();
  }

  /**
   * Locked for the rest of the transaction, so a tick and an event never overwrite each other.
   * Callers find rollouts by id only ({@link #activeIds}, {@link #idsOf}), so this is the session's
   * first read of the row and its state is the one under the lock.
   */
  public static Uni<RolloutRow> locked(String id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The ids of rollouts still in progress, of every service. */
  public static Uni<List<String>> activeIds() {
    return ids("where status in ?1", ACTIVE);
  }

  /** The ids of one service × environment's rollouts in progress. */
  public static Uni<List<String>> activeIds(String service, Environment environment) {
    return ids(
        "where service = ?1 and environment = ?2 and status in ?3", service, environment, ACTIVE);
  }

  /** The ids of every rollout of a service × environment, newest first. */
  public static Uni<List<String>> idsOf(String service, Environment environment) {
    return ids(
        "where service = ?1 and environment = ?2 order by startedAt desc", service, environment);
  }

  /** Ids without loading the rows, which would leave them in the session unlocked. */
  private static Uni<List<String>> ids(String where, Object... parameters) {
    return Panache.getSession()
        .chain(
            session -> {
              var query =
                  session.createSelectionQuery("select id from RolloutRow " + where, String.class);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              return query.getResultList();
            });
  }

  /** Every rollout of a service, newest first. */
  public static Uni<List<RolloutRow>> of(String service) {
    return list("service = ?1 order by startedAt desc", service);
  }

  public static Uni<List<RolloutRow>> recent(int limit) {
    return RolloutRow.<RolloutRow>find("order by startedAt desc").page(0, limit).list();
  }
}
