package dev.runway.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL server from the binaries embedded in Maven jars, for {@code ./runway up}:
 * {@code java -cp 'local-infra/target/lib/*:local-infra/target/classes'
 * dev.runway.local.PostgresServer <data-dir> <port>}. The data directory is initialised once and
 * reused, so state survives restarts. Stops cleanly on SIGTERM or Ctrl-C.
 */
public final class PostgresServer {
  private PostgresServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PostgresServer <data-dir> <port>");
      System.exit(2);
    }
    Path data = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Files.createDirectories(data);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "postgres-stop"));
    System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (data in " + data + ")");
    stopped.await();
  }
}
