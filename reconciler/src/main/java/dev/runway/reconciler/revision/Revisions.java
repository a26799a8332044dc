package dev.runway.reconciler.revision;

import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Revisions are immutable and named predictably: {@code <service>-<environment>-<00001>}. A
 * manifest whose container configuration matches an existing revision reuses it; anything else
 * makes the next one.
 */
public final class Revisions {
  private Revisions() {}

  /** The revision a manifest runs as, given the environment's existing revisions. */
  public static Revision resolve(
      String service, Environment environment, RunwayManifest.Spec spec, List<Revision> existing) {
    String hash = ConfigHash.of(spec);
    Optional<Revision> same =
        existing.stream()
            .filter(r -> r.configHash().equals(hash))
            .max(Comparator.comparingInt(Revision::sequence));
    if (same.isPresent()) {
      return same.get();
    }
    int next = existing.stream().mapToInt(Revision::sequence).max().orElse(0) + 1;
    return new Revision(
        name(service, environment, next),
        next,
        spec.image(),
        spec.containerPort(),
        spec.env(),
        spec.resources(),
        spec.scaling(),
        spec.health().readinessPath(),
        spec.local().command(),
        hash);
  }

  public static String name(String service, Environment environment, int sequence) {
    return String.format("%s-%s-%05d", service, environment, sequence);
  }
}
