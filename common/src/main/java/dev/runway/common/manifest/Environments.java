package dev.runway.common.manifest;

import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.List;

/** The environments a service runs in, in promotion order. */
public final class Environments {
  private Environments() {}

  public static final List<String> ALL = List.of("staging", "production");

  /** The file a service owner keeps an environment's manifest in, in the service's repository. */
  public static String manifestPath(String environment) {
    return ".runway/runway-" + environment + ".yml";
  }

  public static void require(String environment) {
    if (!ALL.contains(environment)) {
      throw new ValidationFailed(
          List.of(
              new Problem("environment", "must be one of " + ALL + ", got '" + environment + "'")));
    }
  }
}
