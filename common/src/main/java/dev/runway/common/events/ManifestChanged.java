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
 * @param changeLockOverride why the change goes ahead past the production change lock and any
 *     deploy freeze window, as its author gave it; null for none (it is held if they apply)
 */
public record ManifestChanged(
    String service,
    Environment environment,
    RunwayManifest manifest,
    Origin origin,
    String commit,
    String changeLockOverride)
    implements RunwayEvent {

  public ManifestChanged(
      String service,
      Environment environment,
      RunwayManifest manifest,
      Origin origin,
      String commit) {
    this(service, environment, manifest, origin, commit, null);
  }

  public ManifestChanged {
    Require.name(service, "service");
    Require.present(environment, "environment");
    if (manifest == null) {
      throw new IllegalArgumentException("manifest is required");
    }
    Require.present(origin, "origin");
    if (changeLockOverride != null && changeLockOverride.isBlank()) {
      throw new IllegalArgumentException("change_lock_override must give a reason, or be left out");
    }
  }

  /** Whether its author overrode the change lock and freeze windows. */
  public boolean overridden() {
    return changeLockOverride != null;
  }
}
