package dev.runway.reconciler.state;

import dev.runway.common.manifest.Environment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One fan-out: a revision going to the regions that needed an action. */
@Entity
@Table(name = "deployment")
public class DeploymentRecord extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public String revision;

  public String regions;

  @Column(name = "started_at")
  public OffsetDateTime startedAt;

  @Column(name = "completed_at")
  public OffsetDateTime completedAt;

  public List<String> regionList() {
    return Arrays.asList(regions.split(","));
  }

  public long elapsedMillis() {
    return Duration.between(startedAt, OffsetDateTime.now()).toMillis();
  }
}
