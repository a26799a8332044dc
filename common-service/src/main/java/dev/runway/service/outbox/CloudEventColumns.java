package dev.runway.service.outbox;

import dev.runway.common.events.EventEnvelope;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** The CloudEvent attributes of an event kept in a table (the outbox, a service's history). */
@Embeddable
public class CloudEventColumns {

  @Column(name = "ce_id")
  public String id;

  @Column(name = "ce_type")
  public String type;

  @Column(name = "ce_source")
  public String source;

  @Column(name = "ce_time")
  public OffsetDateTime time;

  public static CloudEventColumns of(EventEnvelope envelope) {
    CloudEventColumns columns = new CloudEventColumns();
    columns.id = envelope.id();
    columns.type = envelope.type();
    columns.source = envelope.source();
    columns.time = envelope.time();
    return columns;
  }
}
