package dev.runway.cli.platform;

import dev.runway.common.process.ProcessIdentity;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code runwayctl up}: the platform in the foreground, supervised until Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Start Kafka, PostgreSQL and every Runway service on this machine and keep them running"
            + " (a service that dies is restarted); Ctrl-C or runwayctl down stops them in order.")
public class UpCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    PlatformLayout layout = PlatformLayout.from(System.getenv());
    LocalPlatform platform = new LocalPlatform(layout, System.getenv(), System.out);
    Files.createDirectories(layout.home());
    ProcessRecordFile.write(layout.supervisorRecord(), ProcessIdentity.of(ProcessHandle.current()));
    // SIGTERM (runwayctl down) and Ctrl-C stop everything in order before the JVM exits.
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
    try {
      platform.start();
      System.out.println(platform.endpointsText());
      return platform.supervise();
    } catch (PlatformFailure e) {
      System.err.println("runway: " + e.getMessage());
      return 1;
    } finally {
      Files.deleteIfExists(layout.supervisorRecord());
    }
  }
}
