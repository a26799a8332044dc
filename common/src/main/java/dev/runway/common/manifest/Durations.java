package dev.runway.common.manifest;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as manifests write them: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
public final class Durations {
  private Durations() {}

  private static final Pattern FORMAT = Pattern.compile("^([0-9]+)(ms|s|m|h)$");

  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration (250ms, 30s, 5m, 1h): " + text);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
