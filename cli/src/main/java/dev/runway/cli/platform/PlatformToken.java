package dev.runway.cli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The bearer token every service of a local platform accepts: {@code RUNWAY_TOKEN} when given, else
 * one made once and kept in {@code $RUNWAY_HOME/token}, readable by its owner alone.
 */
final class PlatformToken {
  private PlatformToken() {}

  static String ensure(PlatformLayout layout, Map<String, String> environment) throws IOException {
    String given = environment.get("RUNWAY_TOKEN");
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    if (Files.exists(layout.tokenFile()) && Files.size(layout.tokenFile()) > 0) {
      return Files.readString(layout.tokenFile()).trim();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createFile(
        layout.tokenFile(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(layout.tokenFile(), fresh);
    return fresh;
  }
}
