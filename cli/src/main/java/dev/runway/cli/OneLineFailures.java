package dev.runway.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that cannot talk to Runway (refused, reset, timed out, a platform shutting down) says
 * so in one line and exits 1, like every other refusal of runwayctl's, instead of a stack trace;
 * any other exception is a bug and keeps its trace.
 */
final class OneLineFailures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception exception, CommandLine command, ParseResult parsed)
      throws Exception {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        command.getErr().println("runwayctl: " + io.getMessage());
        return 1;
      }
    }
    throw exception;
  }
}
