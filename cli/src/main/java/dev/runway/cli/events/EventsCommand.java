package dev.runway.cli.events;

import picocli.CommandLine.Command;

/** {@code runwayctl events ...}. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Read Runway's event streams.",
    subcommands = {TailCommand.class})
public class EventsCommand {}
