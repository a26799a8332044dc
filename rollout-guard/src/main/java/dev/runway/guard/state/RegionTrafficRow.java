package dev.runway.guard.state;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.runway.common.manifest.Environment;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;

/** The traffic split last shifted in one region, from TrafficShifted. */
@Entity
@Table(name = "region_traffic")
public class RegionTrafficRow extends PanacheEntityBase {

  private static final TypeReference<Map<String, Integer>> WEIGHTS = new TypeReference<>() {};

  @Id public String id;

  public String service;

  public Environment environment;

  public String region;

  public String weights;

  public static String id(String service, Environment environment, String region) {
    return service + "/" + environment + "/" + region;
  }

  public Map<String, Integer> weights() {
    return JsonColumn.read(weights, WEIGHTS);
  }

  public static Uni<List<RegionTrafficRow>> of(String service, Environment environment) {
    return list("service = ?1 and environment = ?2", service, environment);
  }
}
