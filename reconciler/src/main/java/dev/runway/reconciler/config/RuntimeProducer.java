package dev.runway.reconciler.config;

import dev.runway.reconciler.runtime.LocalRuntime;
import dev.runway.reconciler.runtime.RegionRuntime;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

/** Chooses the runtime revisions run on, by {@code runway.reconciler.runtime}. */
@ApplicationScoped
public class RuntimeProducer {

  void onStop(
      @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event,
      ReconcilerConfig config,
      RegionRuntime runtime) {
    if (config.local().stopOnShutdown() && runtime instanceof LocalRuntime local) {
      local.stopAll();
    }
  }

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
