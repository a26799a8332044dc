package dev.runway.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A table of the services the provisioner knows. */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    description = "List services, their status and regions.")
public class ServicesCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException, InterruptedException {
    Endpoints endpoints = Endpoints.fromEnvironment();
    ApiClient.Answer answer =
        new ApiClient(endpoints.provisioner(), endpoints).get("/api/v1/services");
    if (!answer.ok()) {
      System.err.println("runwayctl: the provisioner answered HTTP " + answer.status());
      return 1;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SERVICE", "STATUS", "REGIONS", "PROJECT", "REASON"});
    for (JsonNode service : answer.body()) {
      List<String> regions = new ArrayList<>();
      service.path("regions").forEach(r -> regions.add(r.asText()));
      rows.add(
          new String[] {
            service.path("name").asText(),
            service.path("status").asText(),
            String.join(",", regions),
            service.path("project_id").asText(),
            service.path("reason").asText("")
          });
    }
    System.out.print(Table.render(rows));
    return 0;
  }
}
