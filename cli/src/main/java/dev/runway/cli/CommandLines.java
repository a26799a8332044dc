package dev.runway.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** runwayctl's command line, as Quarkus builds it, with failures to reach Runway in one line. */
@ApplicationScoped
class CommandLines {

  @Produces
  CommandLine commandLine(PicocliCommandLineFactory factory) {
    return factory.create().setExecutionExceptionHandler(new OneLineFailures());
  }
}
