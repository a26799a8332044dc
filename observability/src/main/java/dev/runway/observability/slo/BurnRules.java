package dev.runway.observability.slo;

import dev.runway.common.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The SRE workbook's recommended multi-window, multi-burn-rate rules (chapter 5, table 5-8). */
public final class BurnRules {
  private BurnRules() {}

  /** 2% of a 30-day budget in 1 h, 5% in 6 h (page); 10% in 1 d, 10% in 3 d (ticket). */
  public static final List<BurnRule> WORKBOOK =
      List.of(
          new BurnRule(Severity.page, Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
          new BurnRule(Severity.page, Duration.ofHours(6), Duration.ofMinutes(30), 6),
          new BurnRule(Severity.ticket, Duration.ofDays(1), Duration.ofHours(2), 3),
          new BurnRule(Severity.ticket, Duration.ofDays(3), Duration.ofHours(6), 1));

  /** The rule that fires first on a fast burn; its short window is the canary comparison's. */
  public static BurnRule fastest(List<BurnRule> rules) {
    return rules.get(0);
  }

  /** Every distinct window the rules read, in real time. */
  public static List<Duration> windows(List<BurnRule> rules) {
    return rules.stream()
        .flatMap(r -> Stream.of(r.shortWindow(), r.longWindow()))
        .distinct()
        .sorted()
        .toList();
  }
}
