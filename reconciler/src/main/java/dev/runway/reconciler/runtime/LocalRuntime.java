package dev.runway.reconciler.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs each region's revisions as OS processes on this machine: started from the revision's local
 * command (or the bundled example service) with {@code PORT}, {@code RUNWAY_REGION}, {@code
 * RUNWAY_SERVICE} and {@code RUNWAY_REVISION} set, probed on the readiness path, and kept warm
 * after being replaced so that a traffic shift back is instant. Every process is recorded under
 * {@code <state>/<service>/<environment>/<region>/}, so a restarted reconciler adopts what runs
 * rather than starting it again. The newest {@link #warm} revisions stay; older ones stop.
 */
public final class LocalRuntime implements RegionRuntime {

  private static final Logger LOG = Logger.getLogger(LocalRuntime.class);
  private static final TypeReference<Map<String, Integer>> WEIGHTS = new TypeReference<>() {};

  private final Path state;
  private final List<String> defaultCommand;
  private final Duration readyTimeout;
  private final int warm;
  private final Map<String, Duration> networkDelay;

  /** Delay relays by the port they listen on. */
  private final Map<Integer, NetworkDelay> relays = new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Set<Process> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  public LocalRuntime(Path state, List<String> defaultCommand, Duration readyTimeout, int warm) {
    this(state, defaultCommand, readyTimeout, warm, Map.of());
  }

  /**
   * @param networkDelay per region, the round trip its revisions' answers are held back by, so that
   *     on one machine a far region is slower to reach than a near one
   */
  public LocalRuntime(
      Path state,
      List<String> defaultCommand,
      Duration readyTimeout,
      int warm,
      Map<String, Duration> networkDelay) {
    this.state = state;
    this.defaultCommand = List.copyOf(defaultCommand);
    this.readyTimeout = readyTimeout;
    this.warm = warm;
    this.networkDelay = Map.copyOf(networkDelay);
  }

  @Override
  public RunningRevision deploy(Placement placement, Revision revision) throws DeployFailed {
    Path dir = dir(placement);
    Path recordFile = dir.resolve(revision.name() + ".json");
    LocalProcessRecord existing = read(recordFile);
    if (existing != null && existing.alive()) {
      // Started before a restart, possibly still starting: wait for it rather than start another.
      relay(placement, existing);
      awaitReady(placement, existing, dir.resolve(revision.name() + ".log"));
      LOG.infof("Adopted %s in %s (pid %d)", revision.name(), placement, existing.pid());
      return new RunningRevision(revision.name(), existing.url());
    }
    LocalProcessRecord started = start(placement, revision, dir);
    awaitReady(placement, started, dir.resolve(revision.name() + ".log"));
    retireOld(placement);
    return new RunningRevision(revision.name(), started.url());
  }

  private LocalProcessRecord start(Placement placement, Revision revision, Path dir)
      throws DeployFailed {
    List<String> command =
        revision.localCommand().isEmpty() ? defaultCommand : revision.localCommand();
    try {
      Files.createDirectories(dir);
      int port = freePort();
      Duration delay = networkDelay.get(placement.region());
      Integer processPort = delay == null ? null : freePort();
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> env = builder.environment();
      env.putAll(revision.env());
      env.put("PORT", String.valueOf(processPort == null ? port : processPort));
      env.put("RUNWAY_REGION", placement.region());
      env.put("RUNWAY_SERVICE", placement.service());
      env.put("RUNWAY_REVISION", revision.name());
      env.put("RUNWAY_ENVIRONMENT", placement.environment().wire());
      builder
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve(revision.name() + ".log").toFile());
      Process process = builder.start();
      started.add(process);
      LocalProcessRecord record =
          new LocalProcessRecord(
              revision.name(), process.pid(), port, revision.readinessPath(), processPort);
      write(dir.resolve(revision.name() + ".json"), record);
      relay(placement, record);
      LOG.infof(
          "Started %s in %s on port %d (pid %d)", revision.name(), placement, port, process.pid());
      return record;
    } catch (IOException e) {
      throw new DeployFailed(
          "cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
  }

  private void awaitReady(Placement placement, LocalProcessRecord record, Path log)
      throws DeployFailed {
    Instant deadline = Instant.now().plus(readyTimeout);
    while (Instant.now().isBefore(deadline)) {
      if (!record.alive()) {
        throw new DeployFailed(
            record.revision()
                + " exited before it was ready in "
                + placement.region()
                + "; last output: "
                + tail(log));
      }
      if (ready(record)) {
        return;
      }
      pause();
    }
    ProcessHandle.of(record.pid()).ifPresent(ProcessHandle::destroyForcibly);
    throw new DeployFailed(
        record.revision()
            + " was not ready within "
            + readyTimeout.toSeconds()
            + "s: GET "
            + record.readinessPath()
            + " never answered 2xx; last output: "
            + tail(log));
  }

  private boolean ready(LocalProcessRecord record) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(record.url() + record.readinessPath()))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Keeps the newest revisions and any that still take traffic; stops the rest. */
  private void retireOld(Placement placement) {
    Map<String, Integer> traffic = traffic(placement);
    List<LocalProcessRecord> records = records(placement);
    records.sort(Comparator.comparing(LocalProcessRecord::revision).reversed());
    for (int i = warm; i < records.size(); i++) {
      LocalProcessRecord old = records.get(i);
      if (traffic.getOrDefault(old.revision(), 0) == 0) {
        stop(placement, old);
      }
    }
  }

  @Override
  public void route(Placement placement, Map<String, Integer> weights) throws DeployFailed {
    for (String revision : weights.keySet()) {
      LocalProcessRecord record = read(dir(placement).resolve(revision + ".json"));
      if (weights.get(revision) > 0 && (record == null || !record.alive())) {
        throw new DeployFailed(
            "cannot route to " + revision + " in " + placement.region() + ": it does not run");
      }
    }
    try {
      Files.createDirectories(dir(placement));
      write(dir(placement).resolve("traffic.json"), weights);
    } catch (IOException e) {
      throw new DeployFailed("cannot record traffic for " + placement + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Integer> traffic(Placement placement) {
    Path file = dir(placement).resolve("traffic.json");
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      return EventCodec.json().readValue(file.toFile(), WEIGHTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the region's delay relay in front of the process, unless one is there already. */
  private void relay(Placement placement, LocalProcessRecord record) {
    if (!record.relayed()) {
      return;
    }
    relays.computeIfAbsent(
        record.port(),
        key -> {
          try {
            Duration delay = networkDelay.getOrDefault(placement.region(), Duration.ZERO);
            LOG.infof(
                "%s in %s answers through a %d ms network delay on port %d",
                record.revision(), placement, delay.toMillis(), record.port());
            return NetworkDelay.start(record.port(), record.processPort(), delay);
          } catch (IOException e) {
            throw new UncheckedIOException(
                "cannot relay port " + record.port() + " for " + record.revision(), e);
          }
        });
  }

  @Override
  public List<RunningRevision> running(Placement placement) {
    records(placement).stream().filter(LocalProcessRecord::alive).forEach(r -> relay(placement, r));
    return records(placement).stream()
        .filter(LocalProcessRecord::alive)
        .filter(this::ready)
        .map(r -> new RunningRevision(r.revision(), r.url()))
        .sorted(Comparator.comparing(RunningRevision::revision))
        .toList();
  }

  @Override
  public void remove(Placement placement) {
    records(placement).forEach(r -> stop(placement, r));
    try {
      Files.deleteIfExists(dir(placement).resolve("traffic.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every revision of every placement this runtime recorded or started. */
  public void stopAll() {
    started.forEach(Process::destroy);
    started.forEach(
        p -> {
          try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
              p.destroyForcibly();
            }
          } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
          }
        });
    LOG.infof("Stopped %d local revision processes", started.size());
    relays.values().forEach(NetworkDelay::close);
    relays.clear();
    if (!Files.isDirectory(state)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(state, 3)) {
      for (Path dir :
          dirs.filter(d -> state.relativize(d).getNameCount() == 3)
              .filter(d -> Environment.isName(d.getParent().getFileName().toString()))
              .toList()) {
        remove(
            new Placement(
                dir.getParent().getParent().getFileName().toString(),
                Environment.of(dir.getParent().getFileName().toString()),
                dir.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stop(Placement placement, LocalProcessRecord record) {
    NetworkDelay relay = relays.remove(record.port());
    if (relay != null) {
      relay.close();
    }
    ProcessHandle.of(record.pid())
        .ifPresent(
            p -> {
              p.destroy();
              try {
                p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception e) {
                p.destroyForcibly();
              }
            });
    try {
      Files.deleteIfExists(dir(placement).resolve(record.revision() + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.infof("Stopped %s in %s", record.revision(), placement);
  }

  private List<LocalProcessRecord> records(Placement placement) {
    Path dir = dir(placement);
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<LocalProcessRecord> records = new ArrayList<>();
      for (Path file :
          files
              .filter(
                  f ->
                      f.toString().endsWith(".json")
                          && !f.getFileName().toString().equals("traffic.json"))
              .toList()) {
        LocalProcessRecord record = read(file);
        if (record != null) {
          records.add(record);
        }
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path dir(Placement placement) {
    return state
        .resolve(placement.service())
        .resolve(placement.environment().wire())
        .resolve(placement.region());
  }

  private static LocalProcessRecord read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return EventCodec.json().readValue(file.toFile(), LocalProcessRecord.class);
    } catch (IOException e) {
      LOG.warnf("Ignoring unreadable process record %s: %s", file, e.getMessage());
      return null;
    }
  }

  private static void write(Path file, Object value) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    EventCodec.json().writeValue(temporary.toFile(), value);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return lines.isEmpty()
          ? "(none)"
          : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Between readiness probes: a process needs tens of milliseconds to bind its port. */
  private static void pause() throws DeployFailed {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployFailed("interrupted while waiting for readiness", e);
    }
  }
}
