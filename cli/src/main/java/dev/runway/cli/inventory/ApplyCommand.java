package dev.runway.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import dev.runway.cli.client.Problems;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Sends an inventory file to the provisioner and prints what it changed or why it was refused. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Replace the inventory with FILE; prints each change, or every error with its path.")
public class ApplyCommand implements Callable<Integer> {

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "inventory.json")
  Path file;

  @Option(names = "--dry-run", description = "Only show what would change.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String body;
    try {
      body = Files.readString(file);
    } catch (NoSuchFileException e) {
      System.err.println("runwayctl: no such file " + file);
      return 2;
    }
    if (dev.runway.cli.client.LocatedFile.parse(file, body).isEmpty()) {
      return 1; // its syntax errors, at file:line:column, before anything is sent
    }
    Endpoints endpoints = Endpoints.fromEnvironment();
    ApiClient provisioner = new ApiClient(endpoints.provisioner(), endpoints);
    ApiClient.Answer answer =
        provisioner.post("/api/v1/inventory" + (dryRun ? "?dry_run=true" : ""), body);
    if (!answer.ok()) {
      System.err.println(Problems.describe(file.toString(), answer));
      return 1;
    }
    print(answer.body(), System.out);
    return 0;
  }

  /** The provisioner's plan for an inventory, one line per change. */
  public static void print(JsonNode plan, PrintStream out) {
    JsonNode changes = plan.path("changes");
    String verb = plan.path("applied").asBoolean() ? "" : " (dry run, nothing applied)";
    if (changes.isEmpty()) {
      out.println(
          "No changes" + verb + "; " + plan.path("unchanged").size() + " service(s) unchanged.");
      return;
    }
    out.println(changes.size() + " change(s)" + verb + ":");
    for (JsonNode change : changes) {
      String kind = change.path("kind").asText();
      String mark =
          switch (kind) {
            case "added" -> "+";
            case "removed" -> "-";
            default -> "~";
          };
      String regions =
          kind.equals("removed")
              ? change.path("previous_regions").toString()
              : change.path("regions").toString();
      out.printf("  %s %-8s %-30s %s%n", mark, kind, change.path("service").asText(), regions);
    }
    if (!plan.path("unchanged").isEmpty()) {
      out.println("  unchanged: " + plan.path("unchanged").size() + " service(s)");
    }
  }
}
