package dev.runway.cli.platform;

import java.util.Map;

/**
 * Every Runway service a local platform runs, with its port: the one list of them, used by {@code
 * runwayctl up}, {@code runwayctl demo}, the CLI's default endpoints and the end-to-end tests.
 */
public enum PlatformService {
  PROVISIONER("provisioner", "RUNWAY_PROVISIONER_PORT", 8081),
  RECONCILER("reconciler", "RUNWAY_RECONCILER_PORT", 8082),
  GATEWAY_ROUTER("gateway-router", "RUNWAY_ROUTER_PORT", 8080),
  OBSERVABILITY("observability", "RUNWAY_OBSERVABILITY_PORT", 8084),
  ROLLOUT_GUARD("rollout-guard", "RUNWAY_GUARD_PORT", 8083);

  private final String id;
  private final String portVariable;
  private final int defaultPort;

  PlatformService(String id, String portVariable, int defaultPort) {
    this.id = id;
    this.portVariable = portVariable;
    this.defaultPort = defaultPort;
  }

  /** Its module's directory, its log's and its process record's name. */
  public String id() {
    return id;
  }

  /** The environment variable that moves its port. */
  public String portVariable() {
    return portVariable;
  }

  public int port(Map<String, String> env) {
    return PlatformPorts.port(env, portVariable, defaultPort);
  }

  /**
   * The control plane waits on Kafka and PostgreSQL, not on the CPU: compiled by C1 only it starts
   * about a third faster on a small machine. The gateway is the data plane and keeps the optimising
   * compiler.
   */
  boolean quickCompilerOnly() {
    return this != GATEWAY_ROUTER;
  }

  /** The variable whose JVM options come last on its command line and win. */
  String javaOptionsVariable() {
    return "RUNWAY_JAVA_OPTS_" + name();
  }

  @Override
  public String toString() {
    return id;
  }
}
