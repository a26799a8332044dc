package dev.runway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real tools from Debian's packages that tests check Runway's output with: found on the machine, or
 * installed on first use, so a clean CI machine needs nothing done by hand.
 */
public final class DebianTools {
  private DebianTools() {}

  /**
   * Prometheus's {@code promtool}: from the PATH, else extracted from the {@code prometheus}
   * package into {@code target/debian} (downloaded, not installed: no service is started).
   */
  public static synchronized Path promtool() {
    Path onPath = Path.of("/usr/bin/promtool");
    if (Files.isExecutable(onPath)) {
      return onPath;
    }
    Path root = Path.of("target", "debian").toAbsolutePath();
    Path extracted = root.resolve("usr/bin/promtool");
    if (Files.isExecutable(extracted)) {
      return extracted;
    }
    try {
      Files.createDirectories(root);
      run(root, List.of("apt-get", "download", "prometheus"));
      Path deb;
      try (var files = Files.list(root)) {
        deb =
            files
                .filter(f -> f.getFileName().toString().matches("prometheus_.*\\.deb"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("apt-get download left no .deb"));
      }
      run(root, List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
    } catch (IOException e) {
      throw new IllegalStateException("could not get promtool from Debian's prometheus package", e);
    }
    return extracted;
  }

  /**
   * What {@code promtool check metrics} says of an exposition.
   *
   * @param exit 0 clean, 3 lint findings, 1 not even parseable
   * @param output its findings, one per line
   */
  public record MetricsCheck(int exit, String output) {

    /** Whether Prometheus could parse the whole exposition at all. */
    public boolean parses() {
      return exit != 1 && !output.contains("error while linting");
    }
  }

  /**
   * What {@code promtool check metrics} says of the whole of {@code base}'s {@code /q/metrics},
   * asked for in the text format promtool parses (without an Accept header Quarkus answers in
   * OpenMetrics, whose counter families promtool 2.42 reads as series without HELP).
   */
  public static MetricsCheck checkMetricsAt(String base) throws IOException, InterruptedException {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                    .header("Accept", "text/plain; version=0.0.4")
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (metrics.statusCode() != 200) {
      throw new IOException(base + "/q/metrics answered " + metrics.statusCode());
    }
    return checkMetrics(metrics.body());
  }

  public static MetricsCheck checkMetrics(String exposition)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile("metrics", ".txt");
    try {
      Files.writeString(file, exposition);
      Process promtool =
          new ProcessBuilder(promtool().toString(), "check", "metrics")
              .redirectInput(file.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(promtool.getInputStream().readAllBytes());
      return new MetricsCheck(promtool.waitFor(), output);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Debian's Chromium, installed with apt-get when missing (the machine runs tests as root). */
  public static synchronized Path chromium() {
    Path chromium = Path.of("/usr/bin/chromium");
    if (Files.isExecutable(chromium)) {
      return chromium;
    }
    try {
      run(
          Path.of("."),
          List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"));
    } catch (IOException e) {
      throw new IllegalStateException("could not install Debian's chromium", e);
    }
    return chromium;
  }

  /** Runs a command to the end; its output, on failure, is the exception's message. */
  public static String run(Path dir, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(command + " did not finish in 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(command + " exited " + process.exitValue() + ":\n" + output);
    }
    return output;
  }
}
