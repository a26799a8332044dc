package dev.runway.observability.state;

import dev.runway.common.manifest.Environment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of a service's deployment timeline: a deploy, shift, breach or recovery. */
@Entity
@Table(name = "timeline")
public class TimelineRow extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public OffsetDateTime at;

  public String service;

  public Environment environment;

  public String region;

  public String kind;

  public String detail;
}
