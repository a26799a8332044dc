package dev.runway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One platform for the tests that kill one of its services and watch it come back: each uses its
 * own service names, so they share {@code ./runway up} (started for the first that asks, stopped
 * after the last test) instead of booting the whole platform each. SLOs are judged a thousand times
 * faster than real time, which the observability restart test needs.
 */
final class SharedPlatform implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedPlatform.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Launcher.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class)
        .launcher;
  }

  /** The running platform, stopped when the test plan ends. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    final Launcher launcher;
    final Process up;

    private Running(Launcher launcher, Process up) {
      this.launcher = launcher;
      this.up = up;
    }

    static Running start() {
      try {
        Launcher launcher = new Launcher("restarts");
        launcher.env.put("RUNWAY_SLO_TIME_SCALE", "0.001");
        launcher.env.put("RUNWAY_SLO_MIN_REQUESTS", "50");
        return new Running(launcher, launcher.up(Duration.ofMinutes(3)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      launcher.stop(up);
    }
  }
}
