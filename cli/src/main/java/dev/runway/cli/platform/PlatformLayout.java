package dev.runway.cli.platform;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a local platform lives: the repository it runs from, its state directory ({@code
 * RUNWAY_HOME}) and every port, all read once from the environment with the defaults of {@code
 * ./runway up}.
 *
 * @param databaseUrl an external PostgreSQL ({@code RUNWAY_DB_URL}); empty for the embedded one
 */
public record PlatformLayout(
    Path root,
    Path home,
    Map<PlatformService, Integer> ports,
    int kafkaPort,
    int kafkaControllerPort,
    int databasePort,
    Optional<String> databaseUrl) {

  public PlatformLayout {
    ports = Map.copyOf(ports);
  }

  /**
   * The layout the environment describes: {@code RUNWAY_ROOT} (default: the working directory),
   * {@code RUNWAY_HOME} (default {@code <root>/.runway}; relative to the root) and the ports.
   */
  public static PlatformLayout from(Map<String, String> env) {
    Path root = Path.of(env.getOrDefault("RUNWAY_ROOT", "")).toAbsolutePath().normalize();
    Path home = root.resolve(env.getOrDefault("RUNWAY_HOME", ".runway")).normalize();
    Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
    for (PlatformService service : PlatformService.values()) {
      ports.put(service, service.port(env));
    }
    return new PlatformLayout(
        root,
        home,
        ports,
        PlatformPorts.port(env, PlatformPorts.KAFKA, 9092),
        PlatformPorts.port(env, PlatformPorts.KAFKA_CONTROLLER, 9093),
        PlatformPorts.port(env, PlatformPorts.DATABASE, 5432),
        Optional.ofNullable(env.get("RUNWAY_DB_URL")).filter(url -> !url.isBlank()));
  }

  /** The same platform with its state in another directory (the demo's, fresh every run). */
  public PlatformLayout withHome(Path other) {
    return new PlatformLayout(
        root, other, ports, kafkaPort, kafkaControllerPort, databasePort, databaseUrl);
  }

  public int port(PlatformService service) {
    return ports.get(service);
  }

  public String url(PlatformService service) {
    return "http://127.0.0.1:" + port(service);
  }

  public String kafka() {
    return "127.0.0.1:" + kafkaPort;
  }

  public Path logs() {
    return home.resolve("logs");
  }

  /** The platform's own processes' records, one {@code <name>.json} each. */
  public Path pids() {
    return home.resolve("pids");
  }

  /** The record of the supervisor itself, for {@code runwayctl down}. */
  public Path supervisorRecord() {
    return home.resolve("supervisor.json");
  }

  /** The local runtime's state: the revisions' process records and logs. */
  public Path runtime() {
    return home.resolve("runtime");
  }

  public Path tokenFile() {
    return home.resolve("token");
  }

  Path serviceJar(PlatformService service) {
    return root.resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
  }

  Path revisionJar() {
    return root.resolve("examples/hello-service/target/hello-service.jar");
  }

  /** The classpath of the Kafka broker and the embedded PostgreSQL, from Maven jars. */
  String infrastructureClasspath() {
    return root.resolve("local-infra/target/lib/*")
        + java.io.File.pathSeparator
        + root.resolve("local-infra/target/classes");
  }
}
