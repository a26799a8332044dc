package dev.runway.cli;

import dev.runway.cli.deploy.ApplyManifestCommand;
import dev.runway.cli.deploy.PlanCommand;
import dev.runway.cli.deploy.StatusCommand;
import dev.runway.cli.events.EventsCommand;
import dev.runway.cli.inventory.InventoryCommand;
import dev.runway.cli.rollout.RolloutCommands;
import dev.runway.cli.services.ServicesCommand;
import dev.runway.cli.traffic.TrafficCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code runwayctl}, reached as {@code ./runway <command>}. */
@TopCommand
@Command(
    name = "runwayctl",
    mixinStandardHelpOptions = true,
    version = "runwayctl 0.1.0",
    description = "Operate Runway: inventory, manifests, status, rollouts, events.",
    subcommands = {
      EventsCommand.class,
      InventoryCommand.class,
      ServicesCommand.class,
      ApplyManifestCommand.class,
      PlanCommand.class,
      StatusCommand.class,
      RolloutCommands.Rollback.class,
      RolloutCommands.Promote.class,
      RolloutCommands.Pause.class,
      RolloutCommands.Resume.class,
      TrafficCommand.class
    },
    footer = {
      "",
      "Environment:",
      "  RUNWAY_KAFKA            Kafka bootstrap servers (default 127.0.0.1:9092)",
      "  RUNWAY_PROVISIONER_URL  provisioner API (default http://127.0.0.1:8081)",
      "  RUNWAY_RECONCILER_URL   reconciler API (default http://127.0.0.1:8082)",
      "  RUNWAY_GUARD_URL        rollout guard API (default http://127.0.0.1:8083)",
      "  RUNWAY_TOKEN            bearer token (default: read from $RUNWAY_HOME/token)",
      "  RUNWAY_HOME             local state directory (default .runway)"
    })
public class RunwayCtl {}
