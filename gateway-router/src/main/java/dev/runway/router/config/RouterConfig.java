package dev.runway.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The gateway router's settings, under {@code runway.router.*}. */
@ConfigMapping(prefix = "runway.router")
public interface RouterConfig {

  /**
   * Services answer at {@code <service>.<domain>} (production) and {@code
   * <service>.<environment>.<domain>}. The default resolves to 127.0.0.1 without DNS.
   */
  @WithDefault("runway.localhost")
  String domain();

  /** How long to wait for a backend's connection. */
  @WithDefault("1s")
  Duration connectTimeout();

  /**
   * How long a backend may stay silent, before its answer starts or in the middle of it; then the
   * client gets 504 (or, mid-answer, a reset) rather than a hang.
   */
  @WithDefault("15s")
  Duration backendTimeout();

  /** Pooled keep-alive connections per backend. */
  @WithDefault("256")
  int poolSizePerBackend();

  /** The header that pins a client to one revision inside a region, when present. */
  @WithDefault("X-Runway-Session")
  String stickyHeader();

  /**
   * The proxies in front of the gateway (CIDRs) whose {@code X-Forwarded-For}, {@code -Proto} and
   * {@code -Host} are passed on and extended; from anyone else they are replaced. None by default.
   */
  java.util.Optional<java.util.List<String>> trustedProxies();

  /** Client networks (CIDR) and the region they are in, for clients without a region header. */
  Map<String, String> clientNetworks();

  /**
   * Measured round trips overriding the great-circle estimate, as {@code "from>to"=duration}:
   * {@code runway.router.rtt."europe-west1>us-east1"=92ms}.
   */
  Map<String, Duration> rtt();

  Listener listener();

  Health health();

  Outliers outliers();

  Retries retries();

  /** Where RequestStats go, and how often. */
  @WithDefault("1s")
  Duration statsInterval();

  /**
   * Limits of the client-facing listener against clients that hold connections without finishing
   * anything (slowloris), with Envoy's and nginx's defaults for reference.
   */
  interface Listener {
    /**
     * From the first byte of a request head to its last (Envoy's {@code request_headers_timeout});
     * past it the client gets 408 and the connection is closed.
     */
    @WithDefault("10s")
    Duration headerTimeout();

    /** A connection with no byte read or written for this long is closed (nginx's keepalive). */
    @WithDefault("75s")
    Duration idleTimeout();

    /** Client connections open at once; one more is closed at once (and counted). */
    @WithDefault("10000")
    int maxConnections();

    /** Request headers in bytes (Envoy's {@code max_request_headers_kb}); 431 beyond. */
    @WithDefault("61440")
    int maxHeaderBytes();
  }

  /** Active health checks. */
  interface Health {
    @WithDefault("/healthz")
    String path();

    @WithDefault("2s")
    Duration interval();

    @WithDefault("1s")
    Duration timeout();

    /** Consecutive passes that make an unhealthy backend healthy. */
    @WithDefault("2")
    int healthyThreshold();

    /** Consecutive failures that make a healthy backend unhealthy. */
    @WithDefault("2")
    int unhealthyThreshold();
  }

  /** Passive outlier detection. */
  interface Outliers {
    /** Consecutive 5xx answers or connect failures that eject a backend. */
    @WithDefault("5")
    int consecutiveFailures();

    /** The first ejection's length; each further ejection of the same backend adds as much. */
    @WithDefault("10s")
    Duration baseEjection();

    @WithDefault("5m")
    Duration maxEjection();

    /**
     * The most of a service's backends ejected at once, in percent; at least one is always allowed
     * (Envoy's {@code max_ejection_percent}, whose default this is).
     */
    @WithDefault("10")
    int maxEjectionPercent();

    /**
     * Below this share of a service's backends available, in percent, a first attempt disregards
     * health and ejection (Envoy's {@code healthy_panic_threshold}, whose default this is); 0 turns
     * panic off, so a service with nothing available is answered 503.
     */
    @WithDefault("50")
    int panicThreshold();

    /** How long a readmitted backend takes to reach its full weight (from 10% of it). */
    @WithDefault("10s")
    Duration slowStart();
  }

  /** Retries of failed requests in the next region. */
  interface Retries {
    /** Retries allowed as a share of requests, over the last ten seconds. */
    @WithDefault("0.1")
    double budgetRatio();

    /** Retries allowed per second whatever the load, so a quiet service still fails over. */
    @WithDefault("3")
    int minPerSecond();
  }
}
