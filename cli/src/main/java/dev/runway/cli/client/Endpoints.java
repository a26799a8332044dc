package dev.runway.cli.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where Runway is, from the environment, with the local launcher's defaults. */
public record Endpoints(
    String kafka, String provisioner, String reconciler, String guard, Optional<String> token) {

  public static Endpoints fromEnvironment() {
    return from(System.getenv());
  }

  static Endpoints from(Map<String, String> env) {
    String home = env.getOrDefault("RUNWAY_HOME", ".runway");
    Optional<String> token = Optional.ofNullable(env.get("RUNWAY_TOKEN")).filter(t -> !t.isBlank());
    if (token.isEmpty()) {
      Path file = Path.of(home, "token");
      if (Files.isReadable(file)) {
        try {
          token = Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
          token = Optional.empty();
        }
      }
    }
    return new Endpoints(
        env.getOrDefault("RUNWAY_KAFKA", "127.0.0.1:9092"),
        env.getOrDefault("RUNWAY_PROVISIONER_URL", "http://127.0.0.1:8081"),
        env.getOrDefault("RUNWAY_RECONCILER_URL", "http://127.0.0.1:8082"),
        env.getOrDefault("RUNWAY_GUARD_URL", "http://127.0.0.1:8083"),
        token);
  }
}
