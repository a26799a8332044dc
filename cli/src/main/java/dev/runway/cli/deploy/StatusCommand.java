package dev.runway.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.rollout.RolloutTable;
import dev.runway.cli.services.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Per environment × region: the revision, its state, URL and traffic split; then each recent
 * rollout's regions with their step, traffic and verdict.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show a service's revision, state, URL and traffic in every region, and its rollouts'"
            + " steps, traffic and SLO verdicts.")
public class StatusCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SERVICE", description = "the service")
  String service;

  @Override
  public Integer call() throws Exception {
    Endpoints endpoints = Endpoints.fromEnvironment();
    ApiClient.Answer answer =
        new ApiClient(endpoints.reconciler(), endpoints)
            .get("/api/v1/services/" + service + "/status");
    if (!answer.ok()) {
      System.err.println(
          "runwayctl: "
              + (answer.body() == null
                  ? "HTTP " + answer.status()
                  : answer.body().path("title").asText()));
      return 1;
    }
    System.out.print(table(answer.body()));
    RolloutTable.print(endpoints, service);
    return 0;
  }

  /** The reconciler's status of a service as a table: a row per environment and region. */
  public static String table(JsonNode status) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"ENVIRONMENT", "REGION", "REVISION", "STATE", "URL", "TRAFFIC", "REASON"});
    for (JsonNode environment : status.path("environments")) {
      for (JsonNode region : environment.path("regions")) {
        rows.add(
            new String[] {
              environment.path("environment").asText(),
              region.path("region").asText(),
              region.path("revision").asText("-"),
              region.path("status").asText(),
              region.path("url").asText("-"),
              region.path("traffic").toString(),
              region.path("reason").asText("")
            });
      }
    }
    return Table.render(rows);
  }
}
