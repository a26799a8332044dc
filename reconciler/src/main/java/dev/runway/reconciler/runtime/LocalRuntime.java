package dev.runway.reconciler.runtime;

import dev.runway.common.events.Revision;
import dev.runway.common.process.LocalProcessRecord;
import dev.runway.common.process.ProcessIdentity;
import dev.runway.common.process.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs each region's revisions as OS processes on this machine: started from the revision's local
 * command (or the bundled example service) with {@code PORT}, {@code RUNWAY_REGION}, {@code
 * RUNWAY_SERVICE} and {@code RUNWAY_REVISION} set, probed on the readiness path, and kept warm
 * after being replaced so that a traffic shift back is instant. Every process is recorded ({@link
 * ProcessRecords}), so a restarted reconciler adopts what runs rather than starting it again. The
 * newest {@code warm} revisions stay; older ones stop ({@link Retirement}).
 */
public final class LocalRuntime implements RegionRuntime {

  private static final Logger LOG = Logger.getLogger(LocalRuntime.class);

  private final ProcessRecords records;
  private final List<String> defaultCommand;
  private final ReadinessProbe probe;
  private final int warm;
  private final DelayRelays relays;
  private final Set<Process> started = ConcurrentHashMap.newKeySet();
  private final FreePorts ports = new FreePorts();
  private final Orphans orphans;

  /** How a JVM (and most runtimes) says a port is taken: the text of java.net.BindException. */
  private static final String PORT_TAKEN = "Address already in use";

  private static final int PORT_ATTEMPTS = 3;

  /** How long a stopped revision has to exit on SIGTERM before it and its children are killed. */
  private static final Duration GRACE = Duration.ofSeconds(5);

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
    this.records = new ProcessRecords(state);
    this.orphans = new Orphans(state);
    this.defaultCommand = List.copyOf(defaultCommand);
    this.probe = new ReadinessProbe(readyTimeout);
    this.warm = warm;
    this.relays = new DelayRelays(networkDelay);
  }

  @Override
  public RunningRevision deploy(Placement placement, Revision revision) throws DeployFailed {
    Path log = records.log(placement, revision.name());
    LocalProcessRecord existing = records.read(placement, revision.name());
    if (existing != null && existing.alive()) {
      // Started before a restart, possibly still starting: wait for it rather than start another.
      relays.ensure(placement, existing);
      probe.await(placement, existing, log);
      LOG.infof("Adopted %s in %s (pid %d)", revision.name(), placement, existing.process().pid());
      return new RunningRevision(revision.name(), existing.url());
    }
    stopOrphans(placement, revision.name());
    LocalProcessRecord started = startReady(placement, revision, log);
    Retirement.toStop(records.all(placement), records.traffic(placement), warm)
        .forEach(old -> stop(placement, old));
    return new RunningRevision(revision.name(), started.url());
  }

  /**
   * Starts the revision and waits for it to be ready. A port is only free until someone binds it,
   * and something else on the machine may take it between our pick and the process's bind; a
   * process that exits for that reason is started again on another port, twice at most.
   */
  private LocalProcessRecord startReady(Placement placement, Revision revision, Path log)
      throws DeployFailed {
    for (int attempt = 1; ; attempt++) {
      LocalProcessRecord started = start(placement, revision, log);
      try {
        probe.await(placement, started, log);
        return started;
      } catch (DeployFailed failed) {
        if (attempt == PORT_ATTEMPTS || !failed.getMessage().contains(PORT_TAKEN)) {
          throw failed;
        }
        LOG.warnf(
            "%s in %s lost its port %d to another process before binding it; starting it again",
            revision.name(), placement, started.port());
        stop(placement, started);
      } finally {
        ports.release(started);
      }
    }
  }

  private LocalProcessRecord start(Placement placement, Revision revision, Path log)
      throws DeployFailed {
    List<String> command =
        revision.localCommand().isEmpty() ? defaultCommand : revision.localCommand();
    try {
      int port = ports.take();
      Integer processPort = relays.delay(placement.region()) == null ? null : ports.take();
      ProcessBuilder builder = new ProcessBuilder(command);
      // A service owner's process gets what its manifest says and the documented PORT and
      // RUNWAY_* variables, nothing of the reconciler's own environment (its token, database
      // password, Kafka address). The command itself is still found on the reconciler's PATH.
      Map<String, String> env = builder.environment();
      env.clear();
      env.putAll(revision.env());
      env.put("PORT", String.valueOf(processPort == null ? port : processPort));
      env.put("RUNWAY_REGION", placement.region());
      env.put("RUNWAY_SERVICE", placement.service());
      env.put("RUNWAY_REVISION", revision.name());
      env.put("RUNWAY_ENVIRONMENT", placement.environment().wire());
      orphans.mark(env);
      Files.createDirectories(log.getParent());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      Process process = builder.start();
      started.add(process);
      LocalProcessRecord record =
          new LocalProcessRecord(
              revision.name(),
              ProcessIdentity.of(process),
              port,
              revision.readinessPath(),
              processPort);
      records.write(placement, record);
      relays.ensure(placement, record);
      LOG.infof(
          "Started %s in %s on port %d (pid %d)", revision.name(), placement, port, process.pid());
      return record;
    } catch (IOException e) {
      throw new DeployFailed(
          "cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void route(Placement placement, Map<String, Integer> weights) throws DeployFailed {
    for (String revision : weights.keySet()) {
      LocalProcessRecord record = records.read(placement, revision);
      if (weights.get(revision) > 0 && (record == null || !record.alive())) {
        throw new DeployFailed(
            "cannot route to " + revision + " in " + placement.region() + ": it does not run");
      }
    }
    try {
      records.writeTraffic(placement, weights);
    } catch (IOException e) {
      throw new DeployFailed("cannot record traffic for " + placement + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Integer> traffic(Placement placement) {
    return records.traffic(placement);
  }

  @Override
  public List<RunningRevision> running(Placement placement) {
    List<LocalProcessRecord> alive =
        records.all(placement).stream().filter(LocalProcessRecord::alive).toList();
    alive.forEach(r -> relays.ensure(placement, r));
    return alive.stream()
        .filter(probe::ready)
        .map(r -> new RunningRevision(r.revision(), r.url()))
        .sorted(Comparator.comparing(RunningRevision::revision))
        .toList();
  }

  @Override
  public void remove(Placement placement) {
    records.all(placement).forEach(r -> stop(placement, r));
    records.deleteTraffic(placement);
  }

  /** Stops every revision of every placement this runtime recorded or started. */
  public void stopAll() {
    Signals.stopTrees(started.stream().map(Process::toHandle).toList(), GRACE);
    LOG.infof("Stopped %d local revision processes", started.size());
    relays.closeAll();
    records.placements().forEach(this::remove);
  }

  /** Stops what a crash before its record was written left running of the revision. */
  private void stopOrphans(Placement placement, String revision) {
    List<ProcessHandle> left = orphans.of(placement, revision);
    if (!left.isEmpty()) {
      LOG.warnf(
          "Stopping %d process(es) of %s in %s that were started but never recorded (the"
              + " reconciler stopped in between): pids %s",
          left.size(), revision, placement, left.stream().map(ProcessHandle::pid).toList());
      Signals.stopTrees(left, GRACE);
    }
  }

  private void stop(Placement placement, LocalProcessRecord record) {
    relays.close(record);
    record.process().handle().ifPresent(p -> Signals.stopTrees(List.of(p), GRACE));
    records.delete(placement, record.revision());
    LOG.infof("Stopped %s in %s", record.revision(), placement);
  }
}
