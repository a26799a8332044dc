package dev.runway.common.events;

import dev.runway.common.manifest.RunwayManifest;
import java.util.List;
import java.util.Map;

/**
 * An immutable revision of a service in one environment: everything a runtime needs to run it.
 * Region-specific settings ({@code RUNWAY_REGION}) are added by the runtime in each region.
 *
 * @param name predictable and unique: {@code <service>-<environment>-<sequence, 5 digits>}
 * @param sequence 1 for the first revision of the service in the environment, then +1
 * @param image the container image
 * @param containerPort the port the container listens on
 * @param env the manifest's environment
 * @param resources CPU and memory per instance
 * @param scaling instances per region
 * @param readinessPath what the runtime probes before sending traffic
 * @param localCommand how the local runtime starts it; empty for the bundled example service
 * @param configHash a hash of everything above but name and sequence: same hash, same revision
 */
public record Revision(
    String name,
    int sequence,
    String image,
    int containerPort,
    Map<String, String> env,
    RunwayManifest.Resources resources,
    RunwayManifest.Scaling scaling,
    String readinessPath,
    List<String> localCommand,
    String configHash) {

  public Revision {
    Require.text(name, "name");
    Require.text(image, "image");
    Require.text(configHash, "config_hash");
    env = env == null ? Map.of() : Map.copyOf(env);
    localCommand = localCommand == null ? List.of() : List.copyOf(localCommand);
  }
}
