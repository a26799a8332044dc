package dev.runway.reconciler.rollout;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which revision gets how much of a region's traffic, as pure functions. */
public final class TrafficSplits {
  private TrafficSplits() {}

  /**
   * The split right after {@code revision} is deployed and ready in a region. Unguarded, it takes
   * everything. Guarded, a region that already serves another live revision keeps serving it and
   * the new one joins at 0%, for the rollout guard to step up; a region already splitting traffic
   * with the new revision keeps its split (a re-applied manifest mid-rollout changes nothing).
   *
   * @param current the split set in the region now
   * @param alive the revisions that run there now
   */
  public static Map<String, Integer> afterDeploy(
      Map<String, Integer> current, Set<String> alive, String revision, boolean guarded) {
    if (!guarded) {
      return Map.of(revision, 100);
    }
    boolean liveSplit =
        current.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .allMatch(e -> alive.contains(e.getKey()));
    if (liveSplit && current.getOrDefault(revision, 0) > 0) {
      return Map.copyOf(current);
    }
    return current.entrySet().stream()
        .filter(e -> e.getValue() > 0 && !e.getKey().equals(revision))
        .filter(e -> alive.contains(e.getKey()))
        .max(
            Comparator.comparing(Map.Entry<String, Integer>::getValue)
                .thenComparing(Map.Entry::getKey))
        .map(serving -> ordered(serving.getKey(), 100, revision, 0))
        .orElse(Map.of(revision, 100));
  }

  /** A rollout step: {@code percent} to the new revision, the rest to the previous. */
  public static Map<String, Integer> step(String revision, int percent, String previous) {
    if (percent >= 100 || previous == null) {
      return Map.of(revision, 100);
    }
    return ordered(previous, 100 - percent, revision, percent);
  }

  private static Map<String, Integer> ordered(String a, int wa, String b, int wb) {
    Map<String, Integer> split = new LinkedHashMap<>();
    split.put(a, wa);
    split.put(b, wb);
    return java.util.Collections.unmodifiableMap(split);
  }
}
