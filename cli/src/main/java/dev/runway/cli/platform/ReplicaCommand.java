package dev.runway.cli.platform;

import dev.runway.common.process.ProcessIdentity;
import dev.runway.common.process.Signals;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runwayctl replica <service> --port <port>}: one more replica of a control-plane service
 * beside a running platform, in the foreground until Ctrl-C, started exactly as the platform starts
 * its own ({@link ServiceLaunch}) but on another port. Replicas share the database and the broker;
 * docs/operations.md says what each service does with a second one.
 */
@Command(
    name = "replica",
    mixinStandardHelpOptions = true,
    description =
        "Run one more replica of provisioner, reconciler, observability or rollout-guard beside a"
            + " platform started by runwayctl up, on its own port, until Ctrl-C.")
public class ReplicaCommand implements Callable<Integer> {

  private static final List<PlatformService> CONTROL_PLANE =
      List.of(
          PlatformService.PROVISIONER,
          PlatformService.RECONCILER,
          PlatformService.OBSERVABILITY,
          PlatformService.ROLLOUT_GUARD);

  @Parameters(index = "0", description = "provisioner, reconciler, observability or rollout-guard")
  String service;

  @Option(names = "--port", required = true, description = "the replica's HTTP port")
  int port;

  @Override
  public Integer call() throws Exception {
    Optional<PlatformService> chosen =
        CONTROL_PLANE.stream().filter(s -> s.id().equals(service)).findFirst();
    if (chosen.isEmpty()) {
      System.err.println(
          "runway: replica: '"
              + service
              + "' is not a control-plane service; choose one of provisioner, reconciler,"
              + " observability, rollout-guard (the gateway router is the data plane: run another"
              + " platform's gateway with RUNWAY_ROUTER_PORT instead)");
      return 2;
    }
    PlatformLayout layout = PlatformLayout.from(System.getenv());
    if (ProcessRecordFile.read(layout.supervisorRecord())
        .filter(ProcessIdentity::alive)
        .isEmpty()) {
      System.err.println(
          "runway: replica: no platform is up under "
              + layout.home()
              + "; start one with ./runway up (and the same RUNWAY_HOME) first");
      return 1;
    }
    if (Readiness.listening(port)) {
      System.err.println("runway: replica: --port " + port + " is taken; choose a free port");
      return 2;
    }
    ServiceLaunch launch =
        new ServiceLaunch(
            layout,
            System.getenv(),
            Datasource.of(layout.databaseUrl(), layout.databasePort()),
            PlatformToken.ensure(layout, System.getenv()));
    String name = chosen.get().id() + "-" + port;
    ProcessLauncher.Child child =
        new ProcessLauncher(layout, System.getenv())
            .start(name, launch.command(chosen.get()), launch.environment(port));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> child.identity().handle().ifPresent(h -> Signals.stop(List.of(h), STOP)),
                "replica-stop"));
    try {
      Readiness.await(child, Duration.ofSeconds(120), () -> Readiness.ready(port));
    } catch (PlatformFailure e) {
      System.err.println("runway: replica: " + e.getMessage());
      child.process().destroyForcibly();
      return 1;
    }
    System.out.println(
        "runway: replica " + name + " is up on 127.0.0.1:" + port + " (log: " + child.log() + ")");
    int exit = child.process().waitFor();
    System.err.println("runway: replica " + name + " exited with " + exit + "; see " + child.log());
    return 1;
  }

  private static final Duration STOP = Duration.ofSeconds(10);
}
