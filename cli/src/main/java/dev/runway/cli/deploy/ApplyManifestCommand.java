package dev.runway.cli.deploy;

import dev.runway.cli.client.ApiClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Applies a service's manifest to one environment. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description =
        "Apply a runway/v1 manifest to an environment; every region converges to it in parallel.")
public class ApplyManifestCommand implements Callable<Integer> {

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = ".runway/runway-<env>.yml")
  Path file;

  @Option(
      names = "--env",
      required = true,
      paramLabel = "ENV",
      description = "staging or production")
  String environment;

  @Override
  public Integer call() throws Exception {
    ApiClient.Answer answer = ManifestFile.submit(file, environment, false);
    if (answer == null) {
      return 1;
    }
    System.out.println(
        "Applied "
            + file
            + " to "
            + answer.body().path("service").asText()
            + " in "
            + environment
            + "; follow it with: ./runway status "
            + answer.body().path("service").asText());
    return 0;
  }
}
