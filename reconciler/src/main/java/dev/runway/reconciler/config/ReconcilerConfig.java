package dev.runway.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reconciler's own settings, under {@code runway.reconciler.*}. */
@ConfigMapping(prefix = "runway.reconciler")
public interface ReconcilerConfig {

  /** Where revisions run: {@code local} (processes on this machine) or {@code cloudrun}. */
  @WithDefault("local")
  String runtime();

  /** How often actual state is re-read and re-converged. */
  @WithDefault("30s")
  Duration driftInterval();

  /**
   * How long after a region's failed deployment drift correction tries it again; doubled with each
   * failure in a row, at most {@link #failedRetryMax()}.
   */
  @WithDefault("30s")
  Duration failedRetry();

  @WithDefault("10m")
  Duration failedRetryMax();

  /**
   * How long a replica is taken for alive after its last heartbeat (one a second): a region it was
   * deploying is driven again by another replica, or by its own restart, once this has passed since
   * the replica was killed. A replica that stops cleanly hands its regions over at once.
   */
  @WithDefault("5s")
  Duration replicaLease();

  /**
   * How often deploying regions whose replica is gone are looked for; a cheap query, so much more
   * often than the drift interval.
   */
  @WithDefault("2s")
  Duration orphanCheck();

  /** How many regions are deployed at once, across all services. */
  @WithDefault("32")
  int parallelism();

  /** What a region deployment is expected to take, for plans. */
  @WithDefault("10s")
  Duration deployEstimate();

  /**
   * Whether a rollout guard moves new revisions' traffic. When on, a revision replacing one that
   * serves a region is deployed ready at 0% and the guard's TrafficShiftRequested steps it up; when
   * off, a ready revision takes all of its region's traffic at once.
   */
  @WithDefault("true")
  boolean guardedRollouts();

  /**
   * The platform's deploy policy file: freeze windows per environment, during which changes wait
   * (see {@code dev.runway.reconciler.change.DeployPolicyFile}). None by default.
   */
  Optional<Path> deployPolicy();

  /** How often held changes are decided again (a freeze window may have ended). */
  @WithDefault("5s")
  Duration heldRecheck();

  Local local();

  CloudRun cloudRun();

  /** The Cloud Run runtime: the Admin API v2. */
  interface CloudRun {
    /** The Google Cloud project that holds the Cloud Run services; required for cloudrun. */
    Optional<String> project();

    /** The Admin API, host:port. */
    @WithDefault("run.googleapis.com:443")
    String endpoint();

    /** Plaintext gRPC without credentials: only for a Cloud Run fake on loopback. */
    @WithDefault("false")
    boolean plaintext();

    /** The first wait before polling a long-running operation; later waits grow 1.5×. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a create, update or delete may take before the region is reported failed. */
    @WithDefault("10m")
    Duration operationTimeout();
  }

  /** The local runtime. */
  interface Local {
    /** Where process records and logs are kept, one directory per service/environment/region. */
    Path stateDir();

    /** The command that runs a revision whose manifest names no spec.local.command. */
    List<String> defaultCommand();

    /** How long a revision may take to answer its readiness path. */
    @WithDefault("60s")
    Duration readyTimeout();

    /** How many of the newest revisions per region stay running. */
    @WithDefault("2")
    int warm();

    /**
     * Whether the reconciler stops every local revision when it stops. Off by default, so that a
     * restarted reconciler adopts what runs; the launcher stops them on ./runway down.
     */
    @WithDefault("false")
    boolean stopOnShutdown();

    /**
     * Per region, a round trip added to every answer of its revisions (a TCP relay in front of each
     * process), so that on one machine "nearest region" means something: {@code
     * runway.reconciler.local.network-delay."us-east1"=90ms}. Regions not named answer at once.
     */
    Map<String, Duration> networkDelay();
  }
}
