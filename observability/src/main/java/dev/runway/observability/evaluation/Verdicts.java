package dev.runway.observability.evaluation;

import dev.runway.common.events.Sli;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.windows.SeriesKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest verdicts, per series and SLI, for the API and the dashboard. */
@ApplicationScoped
public class Verdicts {

  private final Map<SeriesKey, Map<Sli, SliVerdict>> latest = new ConcurrentHashMap<>();

  void put(SeriesKey key, Map<Sli, SliVerdict> verdicts) {
    latest.put(key, Map.copyOf(verdicts));
  }

  void retain(java.util.Set<SeriesKey> keys) {
    latest.keySet().retainAll(keys);
  }

  public Optional<SliVerdict> of(SeriesKey key, Sli sli) {
    return Optional.ofNullable(latest.getOrDefault(key, Map.of()).get(sli));
  }
}
