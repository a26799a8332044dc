package dev.runway.reconciler.state;

import dev.runway.common.events.DryRunPlanned;
import dev.runway.common.manifest.Environment;
import dev.runway.service.persistence.JsonColumn;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The outcome of a dry run, kept for {@code GET /api/v1/plans/{id}}. */
@Entity
@Table(name = "plan")
public class PlanRecord extends PanacheEntityBase {

  @Id public String id;

  public String service;

  public Environment environment;

  public String data;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  public static PlanRecord of(DryRunPlanned planned) {
    PlanRecord record = new PlanRecord();
    record.id = planned.planId();
    record.service = planned.service();
    record.environment = planned.environment();
    record.data = JsonColumn.write(planned);
    record.createdAt = OffsetDateTime.now();
    return record;
  }

  public DryRunPlanned plan() {
    return JsonColumn.read(data, DryRunPlanned.class);
  }
}
