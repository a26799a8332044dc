package dev.runway.router.balancing;

import dev.runway.router.routes.Backend;
import dev.runway.router.routes.ServiceRoute;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Passive outlier detection: a backend that answers 5xx or refuses connections so many times in a
 * row is ejected for a base time, longer with each ejection, up to a maximum. At most {@code
 * maxEjectionPercent} of a service's backends are ejected at once, at least one (Envoy's {@code
 * max_ejection_percent}, 10% by default): a fault that hits many backends at once is the service's
 * or the network's, not an outlier's, and ejecting them all would leave the few left to take
 * everything. The last available backend is never ejected: a struggling backend serves better than
 * none.
 */
public final class OutlierDetector {

  private static final Logger LOG = Logger.getLogger(OutlierDetector.class);

  private final int threshold;
  private final long baseNanos;
  private final long maxNanos;
  private final int maxEjectionPercent;

  public OutlierDetector(int threshold, Duration base, Duration max, int maxEjectionPercent) {
    if (maxEjectionPercent < 0 || maxEjectionPercent > 100) {
      throw new IllegalArgumentException(
          "runway.router.outliers.max-ejection-percent must lie in 0..100, got "
              + maxEjectionPercent);
    }
    this.threshold = threshold;
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
    this.maxEjectionPercent = maxEjectionPercent;
  }

  /** Records a success: the run of failures is over. */
  public void succeeded(Backend backend) {
    backend.state().succeeded();
  }

  /** Records a failure; returns true if it ejected the backend. */
  public boolean failed(Backend backend, ServiceRoute route, long now) {
    if (backend.state().failed() < threshold || !backend.state().available(now)) {
      return false;
    }
    boolean another =
        route.backends().stream().anyMatch(b -> b != backend && b.state().available(now));
    if (!another) {
      return false;
    }
    int backends = route.backends().size();
    long ejected = route.backends().stream().filter(b -> b.state().ejected(now)).count();
    long allowed = Math.max(1, (long) Math.floor(backends * maxEjectionPercent / 100.0));
    if (ejected >= allowed) {
      LOG.debugf(
          "Not ejecting %s: %d of %d backends are ejected already (max %d%%)",
          backend, ejected, backends, maxEjectionPercent);
      return false;
    }
    long length = Math.min(maxNanos, baseNanos * (backend.state().ejections() + 1L));
    backend.state().eject(now, now + length);
    LOG.warnf(
        "Ejected %s for %d s after %d failures in a row (ejection %d)",
        backend, length / 1_000_000_000L, threshold, backend.state().ejections());
    return true;
  }
}
