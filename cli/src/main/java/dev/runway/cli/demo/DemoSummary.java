package dev.runway.cli.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The story's outcome, checked and told: what a person should see at the end of the demo. */
final class DemoSummary {
  private DemoSummary() {}

  /** Prints the summary; returns the outcome, failed with the reason when it went otherwise. */
  static DemoOutcome check(DemoOutcome outcome, PrintStream out) {
    List<String> wrong = new ArrayList<>();
    out.println(
        "  requests sent through the gateway: "
            + outcome.requests()
            + ", failed: "
            + outcome.failedRequests());
    if (outcome.secondsFaultToLastV2().isPresent()) {
      out.printf(
          "  seconds from the fault (v2's first answer in us-east1) to the last request v2 served"
              + " there: %.1f%n",
          outcome.secondsFaultToLastV2().get());
    } else {
      wrong.add("v2 never served in us-east1");
    }
    Map<String, String> phases = outcome.v2Phases();
    String east = phases.getOrDefault("us-east1", "-");
    List<String> others =
        List.of(phases.getOrDefault("europe-west1", "-"), phases.getOrDefault("us-west1", "-"));
    out.println(
        "  us-east1: "
            + east
            + "; europe-west1 and us-west1: "
            + String.join(" ", others.stream().distinct().toList()));
    long rolledBack = phases.values().stream().filter("ROLLED_BACK"::equals).count();
    out.println("  regions rolled back: " + rolledBack + " (us-east1 expected only)");
    if (outcome.productionRevisions().stream().anyMatch(r -> r.endsWith("-production-00002"))) {
      wrong.add("production took v2 although staging rolled it back");
    } else {
      out.println("  production: still v1 (PromotionBlocked)");
    }
    if (!east.equals("ROLLED_BACK")) {
      wrong.add("us-east1 was not rolled back (phase " + east + ")");
    }
    if (!others.stream().allMatch("DONE"::equals)) {
      wrong.add("europe-west1 and us-west1 did not finish on v2 (phases " + others + ")");
    }
    if (wrong.isEmpty()) {
      return outcome;
    }
    return new DemoOutcome(
        Optional.of(String.join("; ", wrong)),
        outcome.events(),
        outcome.nearest(),
        outcome.failover(),
        outcome.judged(),
        outcome.v2Phases(),
        outcome.productionRevisions(),
        outcome.requests(),
        outcome.failedRequests(),
        outcome.secondsFaultToLastV2());
  }
}
