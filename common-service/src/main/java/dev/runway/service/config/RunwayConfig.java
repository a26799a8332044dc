package dev.runway.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Configuration every Runway service shares, under {@code runway.*}. */
@ConfigMapping(prefix = "runway")
public interface RunwayConfig {

  /** The CloudEvent {@code source} of what this service publishes, e.g. /runway/provisioner. */
  @WithDefault("/runway/${quarkus.application.name}")
  String source();

  /** The database schema this service owns; its tables, outbox and inbox live there. */
  @WithName("db.schema")
  String dbSchema();

  Auth auth();

  Outbox outbox();

  Kafka kafka();

  /** How the topics are created when a service finds them missing. */
  interface Kafka {
    /** Partitions per topic; events about one service always share one. */
    @WithDefault("3")
    int partitions();

    /** Replicas per partition; 1 on a single local broker, 3 in production. */
    @WithDefault("1")
    short replicationFactor();
  }

  /** Bearer-token protection of mutating endpoints. */
  interface Auth {
    /**
     * The token a caller must present as {@code Authorization: Bearer <token>} on POST, PUT, PATCH
     * and DELETE under /api and /webhooks. The local launcher generates one into .runway/token.
     */
    String token();
  }

  /** The outbox relay that publishes committed events to Kafka. */
  interface Outbox {
    /** Whether this instance runs the relay at all. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay waits for a commit notification before looking anyway. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many events one relay pass publishes at most. */
    @WithDefault("500")
    int batchSize();

    /** How long published events are kept in the outbox for inspection before deletion. */
    @WithDefault("1d")
    Duration retention();
  }
}
