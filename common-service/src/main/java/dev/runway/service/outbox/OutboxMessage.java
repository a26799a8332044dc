package dev.runway.service.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A CloudEvent written in the same transaction as the state change that caused it, waiting for the
 * relay to publish it. Rows are only ever inserted here; the relay marks them sent.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String topic;

  @Column(name = "record_key")
  public String recordKey;

  @Embedded public CloudEventColumns event;

  @Column(name = "ce_subject")
  public String ceSubject;

  public byte[] payload;

  public String traceparent;

  public String tracestate;
}
