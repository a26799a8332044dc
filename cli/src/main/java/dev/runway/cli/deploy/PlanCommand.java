package dev.runway.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.services.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A dry run: what applying a manifest would do in each region, nothing applied. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what applying a manifest would do in each region; nothing is applied.")
public class PlanCommand implements Callable<Integer> {

  @Mixin ManifestOptions manifest;

  @Override
  public Integer call() throws Exception {
    ApiClient.Answer accepted =
        ManifestFile.submit(
            Endpoints.fromEnvironment(), manifest.file, manifest.environment, true, null);
    if (accepted == null) {
      return 1;
    }
    Endpoints endpoints = Endpoints.fromEnvironment();
    ApiClient reconciler = new ApiClient(endpoints.reconciler(), endpoints);
    String location = accepted.body().path("plan").asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    ApiClient.Answer plan = reconciler.get(location);
    while (plan.status() == 404 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200); // the plan appears once the reconciler has consumed the request
      plan = reconciler.get(location);
    }
    if (!plan.ok()) {
      System.err.println("runwayctl: no plan at " + location + " (HTTP " + plan.status() + ")");
      return 1;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"REGION", "ACTION", "FROM", "TO", "CHANGES", "STEPS", "EXPECTED"});
    for (JsonNode region : plan.body().path("regions")) {
      List<String> changes = new ArrayList<>();
      region.path("changes").forEach(c -> changes.add(c.asText()));
      rows.add(
          new String[] {
            region.path("region").asText(),
            region.path("action").asText(),
            region.path("from_revision").asText("-").isEmpty()
                ? "-"
                : region.path("from_revision").asText(),
            region.path("to_revision").asText("-").isEmpty()
                ? "-"
                : region.path("to_revision").asText(),
            changes.isEmpty() ? "-" : String.join(",", changes),
            region.path("traffic_steps").toString(),
            region.path("expected_seconds").asLong() + "s"
          });
    }
    System.out.print(Table.render(rows));
    return 0;
  }
}
