package dev.runway.common.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The environments a service runs in, in promotion order. On the bus, in paths, host names and
 * revision names an environment is its lower-case name ({@code staging}), which is also what {@link
 * #toString()} gives, so that text built from an environment reads as before.
 */
public enum Environment {
  STAGING,
  PRODUCTION;

  /** Every environment, in promotion order. */
  public static final List<Environment> ALL = List.of(values());

  // The router parses a Host header per request: a lookup, not a loop that lower-cases names.
  private static final Map<String, Environment> BY_WIRE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Environment::wire, e -> e));

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The name on the bus, in URLs and in files. */
  @JsonValue
  public String wire() {
    return wire;
  }

  @Override
  public String toString() {
    return wire();
  }

  /** The file a service owner keeps this environment's manifest in, in the service's repository. */
  public String manifestPath() {
    return ".runway/runway-" + wire() + ".yml";
  }

  /** The environment a name means, or a problem naming the field and the allowed values. */
  @JsonCreator
  public static Environment of(String name) {
    return named(name)
        .orElseThrow(
            () ->
                new ValidationFailed(
                    List.of(
                        new Problem(
                            "environment", "must be one of " + ALL + ", got '" + name + "'"))));
  }

  /** The environment a name means, if it is one. */
  public static Optional<Environment> named(String name) {
    return Optional.ofNullable(name == null ? null : BY_WIRE.get(name));
  }
}
