package dev.runway.reconciler.runtime;

import dev.runway.common.process.LocalProcessRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The network-delay relays in front of revisions of far regions, by the port they listen on, so
 * that on one machine a far region is slower to reach than a near one.
 */
final class DelayRelays {

  private static final Logger LOG = Logger.getLogger(DelayRelays.class);

  private final Map<String, Duration> delayByRegion;
  private final Map<Integer, NetworkDelay> byPort = new ConcurrentHashMap<>();

  DelayRelays(Map<String, Duration> delayByRegion) {
    this.delayByRegion = Map.copyOf(delayByRegion);
  }

  /** The round trip a region's answers are held back by, or null for none. */
  Duration delay(String region) {
    return delayByRegion.get(region);
  }

  /** Puts the region's relay in front of the process, unless one is there already. */
  void ensure(Placement placement, LocalProcessRecord record) {
    if (!record.relayed()) {
      return;
    }
    byPort.computeIfAbsent(
        record.port(),
        key -> {
          try {
            Duration delay = delayByRegion.getOrDefault(placement.region(), Duration.ZERO);
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

  void close(LocalProcessRecord record) {
    NetworkDelay relay = byPort.remove(record.port());
    if (relay != null) {
      relay.close();
    }
  }

  void closeAll() {
    byPort.values().forEach(NetworkDelay::close);
    byPort.clear();
  }
}
