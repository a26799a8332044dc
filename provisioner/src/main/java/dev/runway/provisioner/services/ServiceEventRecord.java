package dev.runway.provisioner.services;

import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.service.outbox.CloudEventColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** One event about a service, as it appeared on the bus: the service's history. */
@Entity
@Table(name = "service_event")
public class ServiceEventRecord extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String service;

  @Embedded public CloudEventColumns event;

  public String data;

  public static ServiceEventRecord of(EventEnvelope envelope) {
    ServiceEventRecord record = new ServiceEventRecord();
    record.service = envelope.subject();
    record.event = CloudEventColumns.of(envelope);
    record.data =
        new String(EventCodec.encode(envelope.data()), java.nio.charset.StandardCharsets.UTF_8);
    return record;
  }

  public static Uni<List<ServiceEventRecord>> historyOf(String service) {
    return list("service = ?1 order by id", service);
  }
}
