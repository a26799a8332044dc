package dev.runway.bench;

import java.util.List;

/** The manifests the benchmarks apply: the example service's image, rolled out at once. */
final class BenchManifests {
  private BenchManifests() {}

  /** {@code service} in {@code regions}, expedited, with {@code env} (a YAML flow map) if any. */
  static String expedited(String service, List<String> regions, String rollout, String env) {
    return of(service, regions, env, "rollout: { strategy: expedited" + rollout + " }");
  }

  /**
   * {@code service} in {@code regions} rolled out in two steps (50%, then 100%) guarded by a 99.9%
   * availability objective, with short bakes so a rollout takes seconds at the demo's SLO scale.
   */
  static String gradual(String service, List<String> regions, String env) {
    return of(
        service,
        regions,
        env,
        """
        slo: { availability: 99.9, latency_threshold_ms: 1024 }
          health: { readiness_path: /healthz }
          rollout: { strategy: gradual, steps: [50, 100], bake_time: 3s, watch: 3s, on_breach: region }\
        """);
  }

  private static String of(String service, List<String> regions, String env, String rest) {
    return """
        apiVersion: runway/v1
        kind: RunwayService
        metadata: { name: %s }
        spec:
          image: registry.example.com/%s:v1
          container_port: 8181
          regions: %s
          env: %s
          %s
        """
        .formatted(service, service, regions, env, rest);
  }
}
