package dev.runway.observability.state;

import dev.runway.common.manifest.Environment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A revision's SLI that is breaching now. */
@Entity
@Table(name = "slo_breaches")
public class BreachRow extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public String region;

  public String revision;

  public String sli;

  public String rule;

  @Column(name = "breached_at")
  public OffsetDateTime breachedAt;
}
