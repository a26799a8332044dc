package dev.runway.observability.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.manifest.Environment;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Grafana dashboard for one service: an environment selector, then a row per region with
 * requests/s and error ratio by revision, p95 latency, the burn rates observability computes and
 * the error budget left. It reads the series on observability's {@code /q/metrics}.
 */
public final class GrafanaDashboard {
  private GrafanaDashboard() {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param service the service
   * @param environments its environments
   * @param regions every region it runs in, in the order the rows appear
   */
  public static String forService(
      String service, Collection<Environment> environments, List<String> regions) {
    ObjectNode dashboard = JSON.createObjectNode();
    String uid = "runway-" + service;
    dashboard.put("uid", uid.substring(0, Math.min(40, uid.length())));
    dashboard.put("title", "Runway · " + service);
    dashboard.putArray("tags").add("runway").add("slo");
    dashboard.put("schemaVersion", 39);
    dashboard.put("version", 1);
    dashboard.put("editable", true);
    dashboard.put("refresh", "10s");
    dashboard.putObject("time").put("from", "now-1h").put("to", "now");
    ArrayNode variables = dashboard.putObject("templating").putArray("list");
    ObjectNode datasource = variables.addObject();
    datasource.put("name", "datasource");
    datasource.put("type", "datasource");
    datasource.put("query", "prometheus");
    datasource.put("label", "Prometheus");
    ObjectNode env = variables.addObject();
    env.put("name", "environment");
    env.put("type", "custom");
    env.put("label", "Environment");
    env.put("query", environments.stream().map(Environment::wire).collect(Collectors.joining(",")));
    String first = environments.iterator().next().wire();
    env.putObject("current").put("text", first).put("value", first);
    ArrayNode panels = dashboard.putArray("panels");
    int y = 0;
    int id = 1;
    for (String region : regions) {
      ObjectNode row = panels.addObject();
      row.put("id", id++);
      row.put("type", "row");
      row.put("title", region);
      row.put("collapsed", false);
      grid(row, 0, y, 24, 1);
      y += 1;
      String sel =
          "service=\"" + service + "\",environment=\"$environment\",region=\"" + region + "\"";
      panel(
          panels.addObject(),
          id++,
          "Requests/s by revision",
          "reqps",
          0,
          y,
          "sum by (revision) (rate(" + PromQl.REQUESTS + "{" + sel + "}[1m]))",
          "{{revision}}");
      panel(
          panels.addObject(),
          id++,
          "Error ratio (5xx)",
          "percentunit",
          6,
          y,
          "sum by (revision) (rate("
              + PromQl.REQUESTS
              + "{"
              + sel
              + ",code_class=\"5xx\"}[1m]))"
              + " / sum by (revision) (rate("
              + PromQl.REQUESTS
              + "{"
              + sel
              + "}[1m]))",
          "{{revision}}");
      panel(
          panels.addObject(),
          id++,
          "p95 latency",
          "s",
          12,
          y,
          "histogram_quantile(0.95, sum by (le, revision) (rate("
              + PromQl.LATENCY_BUCKET
              + "{"
              + sel
              + "}[1m])))",
          "{{revision}}");
      panel(
          panels.addObject(),
          id++,
          "Burn rate (availability)",
          "x",
          18,
          y,
          "max by (revision, window) (runway_slo_burn_rate{" + sel + ",sli=\"availability\"})",
          "{{revision}} {{window}}");
      y += 8;
      ObjectNode budget = panels.addObject();
      budget.put("id", id++);
      budget.put("type", "stat");
      budget.put("title", "Error budget left");
      budget.putObject("datasource").put("type", "prometheus").put("uid", "${datasource}");
      budget.putObject("fieldConfig").putObject("defaults").put("unit", "percentunit");
      grid(budget, 0, y, 24, 4);
      target(
          budget,
          "min by (revision, sli) (runway_slo_budget_remaining{" + sel + "})",
          "{{revision}} {{sli}}");
      y += 4;
    }
    try {
      return JSON.writeValueAsString(dashboard) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void panel(
      ObjectNode panel,
      int id,
      String title,
      String unit,
      int x,
      int y,
      String expr,
      String legend) {
    panel.put("id", id);
    panel.put("type", "timeseries");
    panel.put("title", title);
    panel.putObject("datasource").put("type", "prometheus").put("uid", "${datasource}");
    panel.putObject("fieldConfig").putObject("defaults").put("unit", unit);
    grid(panel, x, y, 6, 8);
    target(panel, expr, legend);
  }

  private static void target(ObjectNode panel, String expr, String legend) {
    ObjectNode target = panel.putArray("targets").addObject();
    target.put("refId", "A");
    target.put("expr", expr);
    target.put("legendFormat", legend);
  }

  private static void grid(ObjectNode panel, int x, int y, int w, int h) {
    panel.putObject("gridPos").put("x", x).put("y", y).put("w", w).put("h", h);
  }
}
