package dev.runway.cli.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** When a process of the platform is ready, and waiting for it with a deadline. */
final class Readiness {
  private Readiness() {}

  private static final HttpClient HTTP =
      HttpClients.builder().connectTimeout(Duration.ofSeconds(1)).build();

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** Whether a Quarkus service answers its readiness check with 2xx. */
  static boolean ready(int port) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits for {@code ready} while {@code child} lives; fails with the log to read otherwise. */
  static void await(ProcessLauncher.Child child, Duration timeout, BooleanSupplier ready)
      throws PlatformFailure, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!ready.getAsBoolean()) {
      if (!child.process().isAlive()) {
        throw new PlatformFailure(
            child.name()
                + " exited while starting (exit "
                + child.process().exitValue()
                + ");"
                + " see "
                + child.log());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new PlatformFailure(
            child.name()
                + " did not become ready within "
                + timeout.toSeconds()
                + " s; see "
                + child.log());
      }
      Thread.sleep(200);
    }
  }
}
