package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;

/**
 * A service's manifest for one environment changed: the desired state to converge to.
 *
 * @param service the service
 * @param environment staging or production
 * @param manifest the validated manifest
 * @param origin where it came from ({@code api}, {@code gitlab})
 * @param commit the git commit it was read at, when it came from git
 */
public record ManifestChanged(
    String service, Environment environment, RunwayManifest manifest, Origin origin, String commit)
    implements RunwayEvent {

  public ManifestChanged {
    Require.name(service, "service");
    Require.present(environment, "environment");
    if (manifest == null) {
      throw new IllegalArgumentException("manifest is required");
    }
    Require.present(origin, "origin");
  }
}
