package dev.runway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class OneLineFailuresTest {

  @Command(name = "probe")
  static final class Failing implements Callable<Integer> {
    private final Exception failure;

    Failing(Exception failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      throw failure;
    }
  }

  private static int run(Exception failure, StringWriter err) {
    return new CommandLine(new Failing(failure))
        .setExecutionExceptionHandler(new OneLineFailures())
        .setErr(new PrintWriter(err, true))
        .execute();
  }

  @Test
  void shouldSayInOneLineThatRunwayCannotBeReached() {
    StringWriter err = new StringWriter();

    int exit =
        run(
            new IOException(
                "cannot reach http://127.0.0.1:8082; is Runway running (./runway up)?",
                new ConnectException("Connection refused")),
            err);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "runwayctl: cannot reach http://127.0.0.1:8082; is Runway running (./runway up)?")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldFindTheIoFailureInsideAWrapper() {
    StringWriter err = new StringWriter();

    int exit =
        run(new UncheckedIOException(new IOException("/127.0.0.1:8082: GOAWAY received")), err);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("runwayctl: /127.0.0.1:8082: GOAWAY received");
  }

  @Test
  void shouldLeaveAnyOtherFailureItsStackTrace() {
    assertThatThrownBy(
            () ->
                new OneLineFailures()
                    .handleExecutionException(
                        new IllegalStateException("a bug"),
                        new CommandLine(new Failing(null)),
                        null))
        .isInstanceOf(IllegalStateException.class);
  }
}
