package dev.runway.cli;

import dev.runway.cli.events.EventsCommand;
import dev.runway.cli.inventory.InventoryCommand;
import dev.runway.cli.services.ServicesCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code runwayctl}, reached as {@code ./runway <command>}. */
@TopCommand
@Command(
    name = "runwayctl",
    mixinStandardHelpOptions = true,
    version = "runwayctl 0.1.0",
    description = "Operate Runway: tail its events, apply the inventory, list services.",
    subcommands = {EventsCommand.class, InventoryCommand.class, ServicesCommand.class},
    footer = {
      "",
      "Environment:",
      "  RUNWAY_KAFKA            Kafka bootstrap servers (default 127.0.0.1:9092)",
      "  RUNWAY_PROVISIONER_URL  provisioner API (default http://127.0.0.1:8081)",
      "  RUNWAY_TOKEN            bearer token (default: read from $RUNWAY_HOME/token)",
      "  RUNWAY_HOME             local state directory (default .runway)"
    })
public class RunwayCtl {}
