package dev.runway.cli.deploy;

import dev.runway.cli.client.ApiClient;
import dev.runway.cli.client.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Applies a service's manifest to one environment. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Apply a runway/v1 manifest to an environment; every region converges to it in parallel.")
public class ApplyManifestCommand implements Callable<Integer> {

  @Mixin ManifestOptions manifest;

  @Override
  public Integer call() throws Exception {
    ApiClient.Answer answer =
        ManifestFile.submit(
            Endpoints.fromEnvironment(), manifest.file, manifest.environment, false);
    if (answer == null) {
      return 1;
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
