package dev.runway.guard.state;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest manifest of a service × environment: the rollout policy its revisions follow. */
@Entity
@Table(name = "manifests")
public class ManifestRow extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public String manifest;

  public static String id(String service, Environment environment) {
    return service + "/" + environment;
  }

  public RunwayManifest manifest() {
    return JsonColumn.read(manifest, RunwayManifest.class);
  }
}
