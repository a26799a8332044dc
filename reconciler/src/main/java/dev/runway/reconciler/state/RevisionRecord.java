package dev.runway.reconciler.state;

import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** An immutable revision, as created; never updated. */
@Entity
@Table(name = "revision")
public class RevisionRecord extends PanacheEntityBase {

  @Id public String name;

  public String service;

  public Environment environment;

  public int sequence;

  @Column(name = "config_hash")
  public String configHash;

  public String data;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  public static RevisionRecord of(String service, Environment environment, Revision revision) {
    RevisionRecord record = new RevisionRecord();
    record.name = revision.name();
    record.service = service;
    record.environment = environment;
    record.sequence = revision.sequence();
    record.configHash = revision.configHash();
    record.data = JsonColumn.write(revision);
    record.createdAt = OffsetDateTime.now();
    return record;
  }

  public Revision revision() {
    return JsonColumn.read(data, Revision.class);
  }

  public static Uni<List<Revision>> of(String service, Environment environment) {
    return RevisionRecord.<RevisionRecord>list(
            "service = ?1 and environment = ?2 order by sequence", service, environment)
        .map(records -> records.stream().map(RevisionRecord::revision).toList());
  }
}
