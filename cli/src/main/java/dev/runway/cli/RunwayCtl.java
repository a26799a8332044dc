package dev.runway.cli;

import dev.runway.cli.deadletters.DeadLettersCommand;
import dev.runway.cli.demo.DemoCommand;
import dev.runway.cli.deploy.ApplyManifestCommand;
import dev.runway.cli.deploy.PlanCommand;
import dev.runway.cli.deploy.StatusCommand;
import dev.runway.cli.events.EventsCommand;
import dev.runway.cli.inventory.InventoryCommand;
import dev.runway.cli.platform.DownCommand;
import dev.runway.cli.platform.ReplicaCommand;
import dev.runway.cli.platform.UpCommand;
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
      UpCommand.class,
      ReplicaCommand.class,
      DownCommand.class,
      DemoCommand.class,
      EventsCommand.class,
      DeadLettersCommand.class,
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
      "  RUNWAY_KAFKA            Kafka bootstrap servers (default 127.0.0.1:$RUNWAY_KAFKA_PORT)",
      "  RUNWAY_PROVISIONER_URL  provisioner API (default http://127.0.0.1:$RUNWAY_PROVISIONER_PORT)",
      "  RUNWAY_RECONCILER_URL   reconciler API (default http://127.0.0.1:$RUNWAY_RECONCILER_PORT)",
      "  RUNWAY_GUARD_URL        rollout guard API (default http://127.0.0.1:$RUNWAY_GUARD_PORT)",
      "  RUNWAY_<X>_PORT         a port of up and demo: KAFKA (9092), KAFKA_CONTROLLER (9093),",
      "                          DB (5432), PROVISIONER (8081), RECONCILER (8082), ROUTER (8080),",
      "                          GUARD (8083), OBSERVABILITY (8084)",
      "  RUNWAY_DB_URL           an external PostgreSQL, postgresql://user:password@host:port/db",
      "  RUNWAY_TOKEN            bearer token (default: read from $RUNWAY_HOME/token)",
      "  RUNWAY_HOME             local state directory (default .runway)"
    })
public class RunwayCtl {}
