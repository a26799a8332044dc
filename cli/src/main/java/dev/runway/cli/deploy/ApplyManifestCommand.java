package dev.runway.cli.deploy;

import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Applies a service's manifest to one environment. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Apply a runway/v1 manifest to an environment; every region converges to it in parallel.")
public class ApplyManifestCommand implements Callable<Integer> {

  @Mixin ManifestOptions manifest;

  @Option(
      names = "--override-change-lock",
      paramLabel = "WHY",
      description =
          "Deploy past the production change lock (an image not yet succeeded in staging) and"
              + " any deploy freeze window; the reason is recorded on the ManifestChanged event.")
  String overrideChangeLock;

  @Override
  public Integer call() throws Exception {
    if (overrideChangeLock != null && overrideChangeLock.isBlank()) {
      System.err.println(
          "runwayctl: --override-change-lock needs a reason, e.g. --override-change-lock"
              + " \"hotfix for INC-4711\"");
      return 2;
    }
    ApiClient.Answer answer =
        ManifestFile.submit(
            Endpoints.fromEnvironment(),
            manifest.file,
            manifest.environment,
            false,
            overrideChangeLock);
    if (answer == null) {
      return 1;
    }
    String held = answer.body().path("held").asText("");
    if (!held.isEmpty()) {
      System.out.println(
          "Accepted "
              + manifest.file
              + " for "
              + answer.body().path("service").asText()
              + " in "
              + manifest.environment
              + ", but it is held: "
              + held);
      return 0;
    }
    System.out.println(
        "Applied "
            + manifest.file
            + " to "
            + answer.body().path("service").asText()
            + " in "
            + manifest.environment
            + "; follow it with: ./runway status "
            + answer.body().path("service").asText());
    return 0;
  }
}
