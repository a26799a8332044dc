package dev.runway.provisioner.gitlab;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One GitLab webhook delivery, from receipt until its manifests are published or refused. */
@Entity
@Table(name = "gitlab_delivery")
public class GitlabDelivery extends PanacheEntityBase {

  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String IGNORED = "ignored";
  public static final String FAILED = "failed";

  @Id
  @Column(name = "delivery_key")
  public String key;

  public String event;

  public String payload;

  @Column(name = "received_at")
  public OffsetDateTime receivedAt;

  public String state;

  public int attempts;

  @Column(name = "next_attempt_at")
  public OffsetDateTime nextAttemptAt;

  @Column(name = "lease_until")
  public OffsetDateTime leaseUntil;

  public String outcome;
}
