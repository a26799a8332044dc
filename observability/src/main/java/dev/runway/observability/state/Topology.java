package dev.runway.observability.state;

import dev.runway.common.manifest.Environment;
import dev.runway.observability.slo.Objective;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What evaluation and the dashboard need to know about each service, kept in memory: its objectives
 * and regions per environment, and which revisions serve each region with what weight. Loaded from
 * this service's tables at start and updated by the consumers after they write them.
 */
@ApplicationScoped
public class Topology {

  /** A service in one environment. */
  public record Target(String service, Environment environment) {}

  /**
   * A revision in a region, in deployment order.
   *
   * @param weightSince when its weight took effect; null when not known
   */
  public record Share(
      String revision, OffsetDateTime firstSeen, int weight, OffsetDateTime weightSince) {}

  /**
   * How long a key this replica changed itself is kept against a snapshot of the database: its
   * consumer changes the view before its transaction commits, so a snapshot read in between does
   * not hold the change yet.
   */
  private static final long OWN_CHANGE_NANOS = Duration.ofSeconds(10).toNanos();

  private final Map<Target, ObjectiveRow> objectives = new ConcurrentHashMap<>();
  private final Map<String, RegionRevisionRow> revisions = new ConcurrentHashMap<>();
  private final Map<Object, Long> changedHere = new ConcurrentHashMap<>();

  public void put(ObjectiveRow row) {
    Target target = new Target(row.service, row.environment);
    objectives.put(target, detach(row));
    changedHere.put(target, System.nanoTime());
  }

  public void put(RegionRevisionRow row) {
    revisions.put(row.id, detach(row));
    changedHere.put(row.id, System.nanoTime());
  }

  public void removeRegion(String service, Environment environment, String region) {
    revisions
        .values()
        .removeIf(
            r -> {
              boolean gone =
                  r.service.equals(service)
                      && r.environment.equals(environment)
                      && r.region.equals(region);
              if (gone) {
                changedHere.put(r.id, System.nanoTime());
              }
              return gone;
            });
  }

  /**
   * Brings the view up to the database, read when {@code readAt} ({@link System#nanoTime()}) was:
   * with replicas, another one's consumers write some of the facts. What this replica changed
   * itself shortly before the read keeps its own state, since the read may predate its commit.
   */
  public void refresh(
      List<ObjectiveRow> objectiveRows, List<RegionRevisionRow> revisionRows, long readAt) {
    Map<Target, ObjectiveRow> stored = new HashMap<>();
    objectiveRows.forEach(row -> stored.put(new Target(row.service, row.environment), row));
    Map<String, RegionRevisionRow> storedRevisions = new HashMap<>();
    revisionRows.forEach(row -> storedRevisions.put(row.id, row));
    changedHere.values().removeIf(at -> readAt - at > OWN_CHANGE_NANOS);
    objectives.keySet().removeIf(k -> !stored.containsKey(k) && !changedHere.containsKey(k));
    stored.forEach(
        (k, row) -> {
          if (!changedHere.containsKey(k)) {
            objectives.put(k, detach(row));
          }
        });
    revisions
        .keySet()
        .removeIf(k -> !storedRevisions.containsKey(k) && !changedHere.containsKey(k));
    storedRevisions.forEach(
        (k, row) -> {
          if (!changedHere.containsKey(k)) {
            revisions.put(k, detach(row));
          }
        });
  }

  public Objective objective(String service, Environment environment) {
    ObjectiveRow row = objectives.get(new Target(service, environment));
    return row == null ? Objective.DEFAULT : row.objective();
  }

  /** The manifest's regions, in its order; empty before the manifest is seen. */
  public List<String> regions(String service, Environment environment) {
    ObjectiveRow row = objectives.get(new Target(service, environment));
    return row == null ? List.of() : row.regionList();
  }

  /** Every service × environment with a manifest. */
  public Set<Target> targets() {
    return Set.copyOf(objectives.keySet());
  }

  /** Every service with a manifest or a deployed revision. */
  public Set<String> services() {
    Set<String> all = new TreeSet<>();
    objectives.keySet().forEach(t -> all.add(t.service()));
    revisions.values().forEach(r -> all.add(r.service));
    return all;
  }

  /** The revisions of a region, oldest first. */
  public List<Share> shares(String service, Environment environment, String region) {
    return revisions.values().stream()
        .filter(
            r ->
                r.service.equals(service)
                    && r.environment.equals(environment)
                    && r.region.equals(region))
        .sorted(Comparator.comparing((RegionRevisionRow r) -> r.firstSeen))
        .map(r -> new Share(r.revision, r.firstSeen, r.weight, r.weightSince))
        .toList();
  }

  /** The traffic split of a region: revision → percent, oldest first. */
  public Map<String, Integer> split(String service, Environment environment, String region) {
    Map<String, Integer> split = new LinkedHashMap<>();
    for (Share share : shares(service, environment, region)) {
      if (share.weight() > 0) {
        split.put(share.revision(), share.weight());
      }
    }
    return split;
  }

  /**
   * The stable revision a new one in the region is compared with: the oldest revision that still
   * has traffic, when it is not {@code revision} itself.
   */
  public Optional<String> stableFor(
      String service, Environment environment, String region, String revision) {
    return shares(service, environment, region).stream()
        .filter(s -> s.weight() > 0)
        .map(Share::revision)
        .findFirst()
        .filter(stable -> !stable.equals(revision));
  }

  /**
   * When the revision's current share of the region took effect: the start of its evidence. Empty
   * for a revision without traffic, or recorded before the time was kept.
   */
  public Optional<java.time.Instant> trafficSince(
      String service, Environment environment, String region, String revision) {
    return shares(service, environment, region).stream()
        .filter(s -> s.revision().equals(revision) && s.weight() > 0 && s.weightSince() != null)
        .map(s -> s.weightSince().toInstant())
        .findFirst();
  }

  /** The regions where a service × environment has revisions, sorted. */
  public Set<String> deployedRegions(String service, Environment environment) {
    Set<String> regions = new TreeSet<>();
    revisions.values().stream()
        .filter(r -> r.service.equals(service) && r.environment == environment)
        .forEach(r -> regions.add(r.region));
    return regions;
  }

  /** The environments a service has a manifest or revisions in, in promotion order. */
  public Set<Environment> environments(String service) {
    Set<Environment> envs = EnumSet.noneOf(Environment.class);
    objectives.keySet().stream()
        .filter(t -> t.service().equals(service))
        .forEach(t -> envs.add(t.environment()));
    revisions.values().stream()
        .filter(r -> r.service.equals(service))
        .forEach(r -> envs.add(r.environment));
    return envs;
  }

  private static ObjectiveRow detach(ObjectiveRow row) {
    ObjectiveRow copy = new ObjectiveRow();
    copy.id = row.id;
    copy.service = row.service;
    copy.environment = row.environment;
    copy.availability = row.availability;
    copy.latencyThresholdMs = row.latencyThresholdMs;
    copy.regions = row.regions;
    return copy;
  }

  private static RegionRevisionRow detach(RegionRevisionRow row) {
    RegionRevisionRow copy = new RegionRevisionRow();
    copy.id = row.id;
    copy.service = row.service;
    copy.environment = row.environment;
    copy.region = row.region;
    copy.revision = row.revision;
    copy.firstSeen = row.firstSeen;
    copy.weight = row.weight;
    copy.weightSince = row.weightSince;
    return copy;
  }
}
