package dev.runway.cli.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one of Runway's services is started on this machine: its JVM command line and what it is told
 * (database, broker, token, state directories, port). The platform's supervisor starts every
 * service with it, and {@code runwayctl replica} a second replica beside them, so the two never
 * differ but by the port.
 */
final class ServiceLaunch {

  private final PlatformLayout layout;
  private final Map<String, String> environment;
  private final Datasource datasource;
  private final String token;

  ServiceLaunch(
      PlatformLayout layout, Map<String, String> environment, Datasource datasource, String token) {
    this.layout = layout;
    this.environment = Map.copyOf(environment);
    this.datasource = datasource;
    this.token = token;
  }

  List<String> command(PlatformService service) {
    List<String> command = new ArrayList<>(List.of(ProcessLauncher.java(), "-Xmx256m"));
    if (service.quickCompilerOnly()) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    String options = environment.getOrDefault(service.javaOptionsVariable(), "").trim();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.addAll(List.of("-jar", layout.serviceJar(service).toString()));
    return command;
  }

  Map<String, String> environment(int port) {
    Map<String, String> env = new HashMap<>(datasource.environment());
    env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafka());
    env.put("RUNWAY_AUTH_TOKEN", token);
    env.put("RUNWAY_PROVISIONER_TERRAFORM_DIR", layout.home().resolve("terraform").toString());
    env.put("RUNWAY_RECONCILER_LOCAL_STATE_DIR", layout.runtime().toString());
    env.put(
        "RUNWAY_RECONCILER_LOCAL_DEFAULT_COMMAND",
        String.join(
            ",",
            ProcessLauncher.java(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss256k",
            "-Xmx32m",
            "-jar",
            layout.revisionJar().toString()));
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    return env;
  }
}
