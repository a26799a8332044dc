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
