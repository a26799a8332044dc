package dev.runway.reconciler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The reconciler's own settings, under {@code runway.reconciler.*}. */
@ConfigMapping(prefix = "runway.reconciler")
public interface ReconcilerConfig {

  /** Where revisions run: {@code local} (processes on this machine). */
  @WithDefault("local")
  String runtime();

  /** How often actual state is re-read and re-converged. */
  @WithDefault("30s")
  Duration driftInterval();

  /** How many regions are deployed at once, across all services. */
  @WithDefault("32")
  int parallelism();

  /** What a region deployment is expected to take, for plans. */
  @WithDefault("10s")
  Duration deployEstimate();

  Local local();

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
  }
}
