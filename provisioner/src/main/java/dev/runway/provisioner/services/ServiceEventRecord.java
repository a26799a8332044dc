package dev.runway.provisioner.services;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One event about a service, as it appeared on the bus: the service's history. */
@Entity
@Table(name = "service_event")
public class ServiceEventRecord extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String service;

  @Column(name = "ce_id")
  public String ceId;

  @Column(name = "ce_type")
  public String ceType;

  @Column(name = "ce_source")
  public String ceSource;

  @Column(name = "ce_time")
  public OffsetDateTime ceTime;

  public String data;

  public static ServiceEventRecord of(EventEnvelope envelope) {
    ServiceEventRecord record = new ServiceEventRecord();
    record.service = envelope.subject();
    record.ceId = envelope.id();
    record.ceType = envelope.type();
    record.ceSource = envelope.source();
    record.ceTime = envelope.time();
    record.data =
        new String(EventCodec.encode(envelope.data()), java.nio.charset.StandardCharsets.UTF_8);
    return record;
  }

  public static Uni<List<ServiceEventRecord>> historyOf(String service) {
    return list("service = ?1 order by id", service);
  }
}
