package dev.runway.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Configuration every Runway service shares, under {@code runway.*}. */
@ConfigMapping(prefix = "runway")
public interface RunwayConfig {

  /** The CloudEvent {@code source} of what this service publishes, e.g. /runway/provisioner. */
  @WithDefault("/runway/${quarkus.application.name}")
  String source();

  /** The database schema this service owns; its tables, outbox and inbox live there. */
  @WithName("db.schema")
  String dbSchema();

  /**
   * How long after a traffic shift is published the gateway's per-second stats, observability and
   * the bus show the new split. One platform setting, read by two services: observability starts a
   * revision's step evidence this long after its share changed, and the rollout guard counts only
   * evidence that began at least this long after the step's shift, so the two can never disagree.
   */
  @WithDefault("2s")
  Duration metricLag();

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

    /**
     * The largest event payload written to the outbox, in bytes. Kafka refuses records over its
     * {@code max.request.size} and {@code message.max.bytes} (about 1 MiB by default) for good, so
     * an event over this is refused where it is written instead, with the headers' room to spare.
     */
    @WithDefault("524288")
    int maxEventBytes();

    /** How long published events are kept in the outbox for inspection before deletion. */
    @WithDefault("1d")
    Duration retention();

    /**
     * Fault injection for the chaos tests, unset in production: a directory where a file named
     * {@code crash-after-publish-<schema>} makes the relay halt this process (as {@code kill -9}
     * would) once it has published a batch and before it marks it sent, deleting the file first so
     * the restarted process relays normally.
     */
    Optional<java.nio.file.Path> crashHookDir();
  }
}
