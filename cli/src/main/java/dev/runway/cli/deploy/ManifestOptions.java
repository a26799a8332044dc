package dev.runway.cli.deploy;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every manifest command takes: which file, for which environment. */
public class ManifestOptions {

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
}
