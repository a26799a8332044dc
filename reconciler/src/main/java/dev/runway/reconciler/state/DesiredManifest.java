package dev.runway.reconciler.state;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The manifest a service × environment must converge to, and the revision it resolved to. */
@Entity
@Table(name = "desired_manifest")
public class DesiredManifest extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public String manifest;

  public String revision;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static String id(String service, Environment environment) {
    return service + "/" + environment;
  }

  public RunwayManifest manifest() {
    return JsonColumn.read(manifest, RunwayManifest.class);
  }

  public void set(RunwayManifest manifest, String revision) {
    this.manifest = JsonColumn.write(manifest);
    this.revision = revision;
    this.updatedAt = OffsetDateTime.now();
  }
}
