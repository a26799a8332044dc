package dev.runway.observability.slo;

import dev.runway.common.events.Severity;
import java.time.Duration;

/**
 * A multi-window burn-rate rule of the SRE workbook: it fires when both the long and the short
 * window burn the error budget faster than {@code factor} times the sustainable rate. The long
 * window makes it significant, the short one makes it stop firing soon after the burn stops.
 *
 * @param severity page or ticket
 * @param longWindow the long window, in real time
 * @param shortWindow the short window, in real time
 * @param factor the burn rate both windows must exceed
 */
public record BurnRule(
    Severity severity, Duration longWindow, Duration shortWindow, double factor) {

  /** {@code page-1h-5m}: severity and windows, the name on the bus and in alerts. */
  public String name() {
    return severity + "-" + label(longWindow) + "-" + label(shortWindow);
  }

  /** A window as rules and people write it: 5m, 1h, 3d. */
  public static String label(Duration window) {
    long s = window.toSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
