package dev.runway.reconciler.state;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.runway.common.events.RegionAction;
import dev.runway.common.manifest.Environment;
import dev.runway.reconciler.plan.RegionActual;
import dev.runway.reconciler.plan.RegionStatus;
import dev.runway.reconciler.runtime.Placement;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What one region of a service × environment runs, as the reconciler last made or saw it. */
@Entity
@Table(name = "region_state")
public class RegionState extends PanacheEntityBase {

  private static final TypeReference<Map<String, Integer>> WEIGHTS = new TypeReference<>() {};

  @Id public String id;

  public String service;

  public Environment environment;

  public String region;

  public String revision;

  @Enumerated(EnumType.STRING)
  public RegionAction action;

  @Enumerated(EnumType.STRING)
  public RegionStatus status;

  public String url;

  public String traffic = "{}";

  @Column(name = "deployment_id")
  public String deploymentId;

  public String reason;

  /** A revision rolled back here; kept off the region until a different revision is desired. */
  public String quarantined;

  @Column(name = "quarantine_reason")
  public String quarantineReason;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** Failed deployments of {@code revision} in a row; drift correction backs off by it. */
  public int failures;

  /** Restarts of {@code revision} after it died, in a row; drift correction backs off by it. */
  public int restarts;

  @Column(name = "restarted_at")
  public OffsetDateTime restartedAt;

  /** The replica carrying out the region's work while it deploys; null until one claims it. */
  public String driver;

  public static String id(String service, Environment environment, String region) {
    return service + "/" + environment + "/" + region;
  }

  public static RegionState fresh(Placement placement) {
    RegionState state = new RegionState();
    state.id = id(placement.service(), placement.environment(), placement.region());
    state.service = placement.service();
    state.environment = placement.environment();
    state.region = placement.region();
    state.status = RegionStatus.ABSENT;
    state.updatedAt = OffsetDateTime.now();
    return state;
  }

  public static Uni<List<RegionState>> of(String service, Environment environment) {
    return list("service = ?1 and environment = ?2 order by region", service, environment);
  }

  /**
   * The region's row, locked until the transaction ends. Every writer of a region takes it before
   * reading, so they commit one after another, each on the last one's state, and the events they
   * write (outbox ids are drawn at commit) leave in that order.
   */
  public static Uni<RegionState> locked(String service, Environment environment, String region) {
    return findById(id(service, environment, region), LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Every region of a service × environment, locked in region order (so writers cannot deadlock).
   */
  public static Uni<List<RegionState>> lockedOf(String service, Environment environment) {
    return find("service = ?1 and environment = ?2 order by region", service, environment)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  public Placement placement() {
    return new Placement(service, environment, region);
  }

  public Map<String, Integer> weights() {
    return JsonColumn.read(traffic, WEIGHTS);
  }

  public RegionActual actual() {
    return new RegionActual(region, revision, status, weights(), url, quarantined);
  }

  public void deploying(String revision, RegionAction action, String deploymentId) {
    if (!revision.equals(this.revision)) {
      this.quarantined = null; // a different revision is desired: the quarantine has done its job
      this.quarantineReason = null;
      this.failures = 0;
      this.restarts = 0;
      this.restartedAt = null;
    }
    this.revision = revision;
    this.action = action;
    this.deploymentId = deploymentId;
    this.reason = null;
    this.status = RegionStatus.DEPLOYING;
    this.driver = null;
    this.updatedAt = OffsetDateTime.now();
  }

  public void ready(String url, Map<String, Integer> traffic) {
    this.url = url;
    this.traffic = JsonColumn.write(traffic);
    this.status = RegionStatus.READY;
    this.reason = null;
    this.failures = 0;
    this.updatedAt = OffsetDateTime.now();
  }

  /** Traffic moved between running revisions. */
  public void routed(Map<String, Integer> traffic) {
    this.traffic = JsonColumn.write(traffic);
    this.updatedAt = OffsetDateTime.now();
  }

  /**
   * The region is back on {@code previous}: drift correction keeps that one running, and the
   * planner will not deploy {@code bad} here again by itself.
   */
  public void rolledBack(
      String previous, String previousUrl, String bad, String why, Map<String, Integer> traffic) {
    this.revision = previous;
    this.url = previousUrl;
    this.quarantined = bad;
    this.quarantineReason = why;
    this.status = RegionStatus.READY;
    routed(traffic);
  }

  /** Drift correction brings the region's dead revision back, the {@code restarts}-th time. */
  public void restarting(String deploymentId, int restarts) {
    deploying(revision, RegionAction.DEPLOY, deploymentId);
    this.restarts = restarts;
    this.restartedAt = updatedAt;
  }

  public void failed(String reason) {
    this.status = RegionStatus.FAILED;
    this.reason = reason;
    this.failures++;
    this.updatedAt = OffsetDateTime.now();
  }

  public void removed() {
    this.revision = null;
    this.url = null;
    this.traffic = "{}";
    this.status = RegionStatus.ABSENT;
    this.updatedAt = OffsetDateTime.now();
  }
}
