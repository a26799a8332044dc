package dev.runway.observability.slo;

import dev.runway.common.events.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What one rule found for one revision's SLI.
 *
 * @param rule the rule's name ({@code page-1h-5m}, {@code canary-vs-stable})
 * @param severity how urgent it is when it fires
 * @param outcome firing, not firing, or too few requests to say
 * @param burnRate the lower of the windows' burn rates: what every window exceeds
 * @param windows the windows it read
 * @param comparison for the canary rule, the stable revision it was held against
 */
public record Finding(
    String rule,
    Severity severity,
    Outcome outcome,
    double burnRate,
    List<WindowCounts> windows,
    Optional<Comparison> comparison) {

  public static final String CANARY_RULE = "canary-vs-stable";

  /** The fastest rule's test over the seconds since the revision's share last changed. */
  public static final String STEP_RULE = "step-burn-rate";

  /** The canary comparison over the same seconds. */
  public static final String STEP_CANARY_RULE = "step-vs-stable";

  /** The label of a step's window, whose length varies. */
  public static final String STEP_WINDOW = "step";

  public Finding {
    windows = List.copyOf(windows);
  }

  public boolean firing() {
    return outcome == Outcome.FIRING;
  }
}
