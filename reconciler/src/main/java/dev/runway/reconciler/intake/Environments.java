package dev.runway.reconciler.intake;

import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.List;

/** The environments a service runs in, in promotion order. */
public final class Environments {
  private Environments() {}

  public static final List<String> ALL = List.of("staging", "production");

  static void require(String environment) {
    if (!ALL.contains(environment)) {
      throw new ValidationFailed(
          List.of(
              new Problem("environment", "must be one of " + ALL + ", got '" + environment + "'")));
    }
  }
}
