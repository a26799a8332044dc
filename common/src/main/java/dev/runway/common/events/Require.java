package dev.runway.common.events;

import java.util.List;

/** Invariants for event records; a violation makes the event undecodable (dead-lettered). */
final class Require {
  private Require() {}

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  /**
   * A service, region or revision name: lower-case letters, digits and inner hyphens, at most 63.
   * These names become file paths, URLs and label values downstream, so an event carrying anything
   * else (a slash, a dot, a space) is refused here rather than trusted there.
   */
  static String name(String value, String field) {
    text(value, field);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " must be lower-case letters, digits and inner hyphens (at most 63), got '"
              + value
              + "'");
    }
    return value;
  }

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static <T> List<T> list(List<T> value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return List.copyOf(value);
  }
}
