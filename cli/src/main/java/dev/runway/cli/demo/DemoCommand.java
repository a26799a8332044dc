package dev.runway.cli.demo;

import dev.runway.cli.platform.LocalPlatform;
import dev.runway.cli.platform.PlatformFailure;
import dev.runway.cli.platform.PlatformLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/** {@code runwayctl demo}: Runway's main job on one machine, start to finish. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start a fresh platform, provision, deploy, route, fail over, judge and roll a bad"
            + " revision back, then stop; exits 0 when every step went as told.")
public class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    PlatformLayout base = PlatformLayout.from(System.getenv());
    // Its own state directory, fresh every time, so it tells the same story.
    PlatformLayout layout = base.withHome(base.home().resolve("demo"));
    deleteRecursively(layout.home());
    Files.createDirectories(layout.home());
    long started = System.nanoTime();
    try (LocalPlatform platform =
        new LocalPlatform(layout, DemoSettings.of(System.getenv()), System.out)) {
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
      try {
        platform.start();
      } catch (PlatformFailure e) {
        System.err.println("runway: " + e.getMessage());
        return 1;
      }
      System.out.printf(
          "runway: platform ready in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
      DemoOutcome outcome = new Demo(platform, System.out).run();
      System.out.println();
      if (outcome.completed()) {
        System.out.printf(
            "runway: demo complete: example-service provisioned in europe-west1, us-east1 and"
                + " us-west1, deployed to all three in parallel, routed to each client's nearest"
                + " region, failed over when one died, judged region by region, and v2 rolled back"
                + " in us-east1 by itself while the other regions took it and production stayed"
                + " on v1 (%d s)%n",
            (System.nanoTime() - started) / 1_000_000_000);
        return 0;
      }
      System.out.println("runway: the story did not run as expected: " + outcome.failure().get());
      System.out.println("runway: demo FAILED; see " + layout.logs() + "/");
      return 1;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
