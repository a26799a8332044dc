package dev.runway.reconciler.config;

import dev.runway.reconciler.runtime.LocalRuntime;
import dev.runway.reconciler.runtime.RegionRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the runtime revisions run on, by {@code runway.reconciler.runtime}. */
@ApplicationScoped
public class RuntimeProducer {

  @Produces
  @ApplicationScoped
  RegionRuntime runtime(ReconcilerConfig config) {
    if (!"local".equals(config.runtime())) {
      throw new IllegalStateException(
          "runway.reconciler.runtime=" + config.runtime() + " is not available; use local");
    }
    return new LocalRuntime(
        config.local().stateDir(),
        config.local().defaultCommand(),
        config.local().readyTimeout(),
        config.local().warm());
  }
}
