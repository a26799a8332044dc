package dev.runway.bench;

import java.util.List;

/** The manifests the benchmarks apply: the example service's image, rolled out at once. */
final class BenchManifests {
  private BenchManifests() {}

  /** {@code service} in {@code regions}, expedited, with {@code env} (a YAML flow map) if any. */
  static String expedited(String service, List<String> regions, String rollout, String env) {
    return """
        apiVersion: runway/v1
        kind: RunwayService
        metadata: { name: %s }
        spec:
          image: registry.example.com/%s:v1
          container_port: 8181
          regions: %s
          env: %s
          rollout: { strategy: expedited%s }
        """
        .formatted(service, service, regions, env, rollout);
  }
}
