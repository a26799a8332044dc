package dev.runway.cli.traffic;

import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Steady requests from clients in several regions, each region at {@code rate} per second after a
 * linear ramp (cold backends and the gateway warm up first), tallied by who answered. With a file,
 * the tally is written there every second and at the end, so a script can read it while it runs.
 */
public final class TrafficRun implements AutoCloseable {

  private final GatewayClient gateway;
  private final List<String> clients;
  private final int rate;
  private final Duration ramp;
  private final Optional<Path> out;
  private final TrafficTally tally = new TrafficTally();
  private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);

  public TrafficRun(
      GatewayClient gateway, List<String> clients, int rate, Duration ramp, Optional<Path> out) {
    if (rate < 1 || rate > 1000) {
      throw new IllegalArgumentException("the rate must be 1 to 1000 requests per second");
    }
    this.gateway = gateway;
    this.clients = List.copyOf(clients);
    this.rate = rate;
    this.ramp = ramp;
    this.out = out;
  }

  public TrafficRun start() {
    long periodMicros = 1_000_000L / rate;
    long start = System.nanoTime();
    for (String client : clients) {
      double[] tokens = {0};
      clock.scheduleAtFixedRate(
          () -> {
            // A tick per request at the full rate; during the ramp only a rising share send.
            double elapsed = (System.nanoTime() - start) / 1e9;
            double share = ramp.isZero() ? 1 : Math.min(1, elapsed / (ramp.toMillis() / 1e3));
            tokens[0] += share;
            if (tokens[0] >= 1) {
              tokens[0] -= 1;
              send(client);
            }
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
    }
    clock.scheduleAtFixedRate(this::write, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  public TrafficTally tally() {
    return tally;
  }

  /** Returns after {@code duration}, or sooner when stopped. */
  public void await(Duration duration) throws InterruptedException {
    clock.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    clock.shutdownNow();
    write();
  }

  private void send(String client) {
    gateway
        .sendAsync(client)
        .whenComplete(
            (served, failure) -> {
              if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                tally.unanswered(cause.getClass().getSimpleName());
              } else {
                tally.answered(
                    served.region(),
                    served.revision(),
                    served.failed(),
                    System.currentTimeMillis());
              }
            });
  }

  private synchronized void write() {
    if (out.isEmpty()) {
      return;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("requests", tally.requests());
    report.put("failed", tally.failed());
    report.put("served", tally.served());
    report.put("unanswered", tally.unanswered());
    try {
      WireJson.writeAtomically(out.get(), report);
    } catch (IOException e) {
      System.err.println("runwayctl: cannot write " + out.get() + ": " + e.getMessage());
    }
  }
}
