package dev.runway.reconciler.runtime;

/** One service in one environment in one region: where revisions run. */
public record Placement(String service, String environment, String region) {

  @Override
  public String toString() {
    return service + "/" + environment + "/" + region;
  }
}
