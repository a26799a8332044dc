package dev.runway.observability.api;

import dev.runway.common.events.Sli;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.state.Timeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON the API and the dashboard read: the same figures, one shape. */
public final class Views {
  private Views() {}

  /**
   * @param generatedAt when these figures were read
   * @param timeScale the time scale the windows are judged at
   * @param services every service
   * @param timeline the newest deployment-timeline entries of every service
   */
  public record Dashboard(
      Instant generatedAt,
      double timeScale,
      List<Service> services,
      List<Timeline.Item> timeline) {}

  /**
   * @param service the service
   * @param environments each environment it has a manifest or revisions in
   */
  public record Service(String service, List<Environment> environments) {}

  /**
   * @param environment staging or production
   * @param availabilityObjective percent
   * @param latencyThresholdMs the latency SLI's threshold
   * @param regions each region
   */
  public record Environment(
      dev.runway.common.manifest.Environment environment,
      double availabilityObjective,
      int latencyThresholdMs,
      List<Region> regions) {}

  /**
   * @param region the region
   * @param status the worst status of its revisions (BREACHED, INSUFFICIENT_DATA, HEALTHY, or IDLE
   *     without traffic)
   * @param requestsPerSecond over the display window, every revision together
   * @param errorRatio 5xx share over the display window
   * @param p95Ms 95th percentile latency over the display window; null without requests
   * @param split percent of traffic per revision
   * @param revisions each revision with traffic or telemetry in the region
   */
  public record Region(
      String region,
      String status,
      double requestsPerSecond,
      double errorRatio,
      Double p95Ms,
      Map<String, Integer> split,
      List<Revision> revisions) {}

  /**
   * @param revision the revision
   * @param weight its percent of the region's traffic
   * @param stable whether it is the region's stable revision
   * @param requestsPerSecond over the display window
   * @param slis its SLI verdicts
   */
  public record Revision(
      String revision, int weight, boolean stable, double requestsPerSecond, List<Sli> slis) {}

  /**
   * @param sli availability or latency
   * @param status BREACHED, HEALTHY or INSUFFICIENT_DATA
   * @param budgetRemaining share of the budget left
   * @param burnRates burn rate per window label (5m, 1h, ...)
   * @param rules each rule's outcome
   * @param breach the open breach, if any
   */
  public record Sli(
      String sli,
      String status,
      double budgetRemaining,
      Map<String, Double> burnRates,
      List<Rule> rules,
      Breach breach) {}

  /**
   * @param rule the rule
   * @param outcome FIRING, NOT_FIRING or INSUFFICIENT_DATA
   * @param burnRate the rate its windows all exceed
   */
  public record Rule(String rule, String outcome, double burnRate) {}

  /**
   * @param rule the rule that opened it
   * @param since when
   */
  public record Breach(String rule, OffsetDateTime since) {}
}
