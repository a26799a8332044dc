package dev.runway.reconciler.config;

import com.google.cloud.run.v2.ServicesClient;
import dev.runway.reconciler.runtime.LocalRuntime;
import dev.runway.reconciler.runtime.RegionRuntime;
import dev.runway.reconciler.runtime.cloudrun.CloudRunClients;
import dev.runway.reconciler.runtime.cloudrun.CloudRunRuntime;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Chooses the runtime revisions run on, by {@code runway.reconciler.runtime}. */
@ApplicationScoped
public class RuntimeProducer {

  /**
   * Called with the runtime itself (not its proxy) when the application stops, after the region
   * deployer has stopped taking work.
   */
  void dispose(@Disposes RegionRuntime runtime, ReconcilerConfig config) {
    if (config.local().stopOnShutdown() && runtime instanceof LocalRuntime local) {
      local.stopAll();
    }
    if (runtime instanceof CloudRunRuntime cloudRun) {
      cloudRun.close();
    }
  }

  /** Made at startup: the Cloud Run client takes seconds to build, too long for an event loop. */
  @Produces
  @Startup
  @ApplicationScoped
  RegionRuntime runtime(ReconcilerConfig config) {
    return switch (config.runtime()) {
      case "local" -> local(config);
      case "cloudrun" -> cloudRun(config.cloudRun());
      default ->
          throw new IllegalStateException(
              "runway.reconciler.runtime="
                  + config.runtime()
                  + " is not a runtime; use local or cloudrun");
    };
  }

  private static RegionRuntime cloudRun(ReconcilerConfig.CloudRun config) {
    String project =
        config
            .project()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "runway.reconciler.cloud-run.project is required with"
                            + " runway.reconciler.runtime=cloudrun; set it to the Google Cloud"
                            + " project that holds the services"));
    ServicesClient client =
        config.plaintext()
            ? CloudRunClients.plaintext(
                config.endpoint(), config.pollInterval(), config.operationTimeout())
            : CloudRunClients.google(
                config.endpoint(), config.pollInterval(), config.operationTimeout());
    return new CloudRunRuntime(client, project, config.operationTimeout());
  }

  private static RegionRuntime local(ReconcilerConfig config) {
    return new LocalRuntime(
        config.local().stateDir(),
        config.local().defaultCommand(),
        config.local().readyTimeout(),
        config.local().warm(),
        config.local().networkDelay());
  }
}
