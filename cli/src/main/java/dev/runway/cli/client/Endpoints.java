package dev.runway.cli.client;

import dev.runway.cli.platform.PlatformLayout;
import dev.runway.cli.platform.PlatformService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where Runway is, from the environment, with the local platform's defaults. */
public record Endpoints(
    String kafka, String provisioner, String reconciler, String guard, Optional<String> token) {

  /** A local platform's endpoints, with its token. */
  public static Endpoints of(PlatformLayout layout, String token) {
    return new Endpoints(
        layout.kafka(),
        layout.url(PlatformService.PROVISIONER),
        layout.url(PlatformService.RECONCILER),
        layout.url(PlatformService.ROLLOUT_GUARD),
        Optional.ofNullable(token));
  }

  public static Endpoints fromEnvironment() {
    return from(System.getenv());
  }

  static Endpoints from(Map<String, String> env) {
    PlatformLayout layout = PlatformLayout.from(env);
    Optional<String> token = Optional.ofNullable(env.get("RUNWAY_TOKEN")).filter(t -> !t.isBlank());
    if (token.isEmpty()) {
      Path file = layout.tokenFile();
      if (Files.isReadable(file)) {
        try {
          token = Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
          token = Optional.empty();
        }
      }
    }
    return new Endpoints(
        env.getOrDefault("RUNWAY_KAFKA", layout.kafka()),
        env.getOrDefault("RUNWAY_PROVISIONER_URL", layout.url(PlatformService.PROVISIONER)),
        env.getOrDefault("RUNWAY_RECONCILER_URL", layout.url(PlatformService.RECONCILER)),
        env.getOrDefault("RUNWAY_GUARD_URL", layout.url(PlatformService.ROLLOUT_GUARD)),
        token);
  }
}
