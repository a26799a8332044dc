package dev.runway.observability.state;

import dev.runway.common.manifest.Environment;
import dev.runway.observability.slo.Objective;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A service's objectives in one environment, and its regions, from its newest manifest. */
@Entity
@Table(name = "objectives")
public class ObjectiveRow extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public double availability;

  @Column(name = "latency_threshold_ms")
  public int latencyThresholdMs;

  /** Comma-separated, in the manifest's order. */
  public String regions;

  public static String id(String service, Environment environment) {
    return service + "/" + environment;
  }

  public Objective objective() {
    return new Objective(availability, latencyThresholdMs);
  }

  public List<String> regionList() {
    return regions.isEmpty() ? List.of() : Arrays.asList(regions.split(","));
  }
}
