package dev.runway.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.services.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A service's recent rollouts, region by region, as the guard reports them. */
public final class RolloutTable {
  private RolloutTable() {}

  /** Prints up to three recent rollouts; says so when the guard cannot be reached. */
  public static void print(Endpoints endpoints, String service) throws InterruptedException {
    ApiClient.Answer answer;
    try {
      answer = new ApiClient(endpoints.guard(), endpoints).get("/api/v1/rollouts/" + service);
    } catch (IOException e) {
      System.out.println("\n(rollout guard not reachable at " + endpoints.guard() + ")");
      return;
    }
    if (!answer.ok() || answer.body() == null) {
      System.out.println("\nNo rollouts yet.");
      return;
    }
    print(answer.body(), System.out);
  }

  /** Prints up to three of {@code rollouts}, the guard's view of them, to {@code out}. */
  public static void print(JsonNode rollouts, PrintStream out) {
    int shown = 0;
    for (JsonNode rollout : rollouts) {
      if (shown++ == 3) {
        break;
      }
      out.printf(
          "%nRollout of %s in %s: %s, %s%s (steps %s, bake %ss)%n",
          rollout.path("revision").asText(),
          rollout.path("environment").asText(),
          rollout.path("strategy").asText(),
          rollout.path("status").asText(),
          rollout.path("paused").asBoolean() ? ", PAUSED" : "",
          rollout.path("steps").toString(),
          rollout.path("bake_seconds").asText());
      if (!rollout.path("hold").asText("").isEmpty()) {
        out.println("Held: " + rollout.path("hold").asText());
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"REGION", "WAVE", "PHASE", "STEP", "TRAFFIC", "SLO", "PREVIOUS"});
      for (JsonNode region : rollout.path("regions")) {
        rows.add(
            new String[] {
              region.path("region").asText(),
              region.path("wave").asText(),
              region.path("phase").asText(),
              region.path("step").asInt() == 0
                  ? "-"
                  : region.path("step").asText() + "/" + rollout.path("steps").size(),
              region.path("percent").asText() + "%",
              region.path("slo").asText(),
              region.path("previous").asText("-")
            });
      }
      out.print(Table.render(rows));
    }
  }
}
