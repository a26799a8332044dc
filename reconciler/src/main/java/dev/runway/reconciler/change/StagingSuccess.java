package dev.runway.reconciler.change;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An image that succeeded in staging: the guard approved the promotion of a revision of it. */
@Entity
@Table(name = "staging_success")
public class StagingSuccess extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public String image;

  public String revision;

  @Column(name = "succeeded_at")
  public OffsetDateTime succeededAt;

  static String id(String service, String image) {
    return service + "|" + image;
  }

  static Uni<Boolean> known(String service, String image) {
    return count("id", id(service, image)).map(n -> n > 0);
  }
}
