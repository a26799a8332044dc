package dev.runway.observability.state;

import dev.runway.common.manifest.Environment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One revision deployed in one region, with its current share of the region's traffic. */
@Entity
@Table(name = "region_revisions")
public class RegionRevisionRow extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public String region;

  public String revision;

  @Column(name = "first_seen")
  public OffsetDateTime firstSeen;

  public int weight;

  /**
   * When the last TrafficShifted that named the revision (or changed its weight) was published: its
   * evidence counts from there. Null on rows written before it was kept.
   */
  @Column(name = "weight_since")
  public OffsetDateTime weightSince;

  public static String id(String service, Environment environment, String region, String revision) {
    return service + "/" + environment + "/" + region + "/" + revision;
  }
}
