package dev.runway.cli.inventory;

import picocli.CommandLine.Command;

/** {@code runwayctl inventory ...}. */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = "Read and replace the platform inventory.",
    subcommands = {ApplyCommand.class})
public class InventoryCommand {}
