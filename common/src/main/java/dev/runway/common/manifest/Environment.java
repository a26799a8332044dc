package dev.runway.common.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.List;
import java.util.Locale;

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

  /** The name on the bus, in URLs and in files. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
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
    for (Environment environment : values()) {
      if (environment.wire().equals(name)) {
        return environment;
      }
    }
    throw new ValidationFailed(
        List.of(new Problem("environment", "must be one of " + ALL + ", got '" + name + "'")));
  }

  /** Whether a name is one of the environments. */
  public static boolean isName(String name) {
    return ALL.stream().anyMatch(e -> e.wire().equals(name));
  }
}
