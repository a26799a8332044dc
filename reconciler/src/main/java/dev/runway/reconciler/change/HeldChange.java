package dev.runway.reconciler.change;

import dev.runway.common.events.ManifestChanged;
import dev.runway.common.manifest.Environment;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A manifest change held by the change lock or a freeze window, newest per service × env. */
@Entity
@Table(name = "held_change")
public class HeldChange extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  /** The ManifestChanged as it arrived, to be applied as it was when released. */
  public String change;

  public String reason;

  @Column(name = "held_at")
  public OffsetDateTime heldAt;

  static String id(String service, Environment environment) {
    return service + "/" + environment;
  }

  ManifestChanged change() {
    return JsonColumn.read(change, ManifestChanged.class);
  }
}
