package dev.runway.cli.platform;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code runwayctl down}: stops a platform that {@code runwayctl up} started. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Stop the platform started by runwayctl up, and its revisions.")
public class DownCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    if (!PlatformDown.run(PlatformLayout.from(System.getenv()), System.out)) {
      System.out.println("runway: nothing to stop");
    }
    return 0;
  }
}
