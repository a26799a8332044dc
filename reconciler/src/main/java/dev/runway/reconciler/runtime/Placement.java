package dev.runway.reconciler.runtime;

import dev.runway.common.manifest.Environment;

/** One service in one environment in one region: where revisions run. */
public record Placement(String service, Environment environment, String region) {

  @Override
  public String toString() {
    return service + "/" + environment + "/" + region;
  }
}
