package dev.runway.guard.state;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A webhook call to make: written with the event that causes it, sent after the commit. */
@Entity
@Table(name = "notifications")
public class NotificationRow extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String url;

  public String body;

  public int attempts;

  @Column(name = "next_attempt_at")
  public OffsetDateTime nextAttemptAt;

  @Column(name = "sent_at")
  public OffsetDateTime sentAt;

  @Column(name = "last_error")
  public String lastError;
}
