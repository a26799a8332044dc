package dev.runway.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Operators' hands on rollouts: roll back, promote, pause, resume, through the guard's API. */
public final class RolloutCommands {
  private RolloutCommands() {}

  /** Posts to the guard and prints what the rollouts look like after. */
  static int post(String path) throws Exception {
    Endpoints endpoints = Endpoints.fromEnvironment();
    // Not reaching the guard is said in one line by OneLineFailures, as for every command.
    ApiClient.Answer answer = new ApiClient(endpoints.guard(), endpoints).post(path, "");
    JsonNode body = answer.body();
    if (!answer.ok()) {
      System.err.println(
          "runwayctl: "
              + (body == null
                  ? "HTTP " + answer.status()
                  : body.path("title").asText() + ". " + body.path("detail").asText("")));
      return 1;
    }
    if (body != null && body.isArray()) {
      RolloutTable.print(body, System.out);
    } else if (body != null) {
      System.out.println(body.toPrettyString());
    }
    return 0;
  }

  static String query(String... pairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        query.append(query.length() == 0 ? "?" : "&");
        query.append(pairs[i]).append('=');
        query.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description =
          "Move traffic back to the previous revision now: one region, or every region of the"
              + " rollouts in progress.")
  public static class Rollback implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--region", description = "only this region")
    String region;

    @Option(names = "--env", description = "staging or production (default: both)")
    String environment;

    @Override
    public Integer call() throws Exception {
      return post(
          "/api/v1/rollouts/"
              + service
              + "/rollback"
              + query("env", environment, "region", region));
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = "Approve the newest staging revision for production now.")
  public static class Promote implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Override
    public Integer call() throws Exception {
      return post("/api/v1/rollouts/" + service + "/promote");
    }
  }

  /** Pause and resume: the same call on the rollouts in progress, by action name. */
  abstract static class Hold implements Callable<Integer> {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--env", description = "staging or production (default: both)")
    String environment;

    @Override
    public Integer call() throws Exception {
      return post(
          "/api/v1/rollouts/"
              + service
              + "/"
              + getClass().getAnnotation(Command.class).name()
              + query("env", environment));
    }
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Hold the rollouts in progress at their step (a breach still rolls back).")
  public static class Pause extends Hold {}

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Let paused rollouts move on.")
  public static class Resume extends Hold {}
}
