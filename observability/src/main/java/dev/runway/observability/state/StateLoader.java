package dev.runway.observability.state;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads this service's tables into memory at start: topology and open breaches. */
@ApplicationScoped
public class StateLoader {

  private final Topology topology;

  public StateLoader(Topology topology) {
    this.topology = topology;
  }

  /** Loads the topology and answers the breaches open now. */
  public Uni<List<BreachRow>> load() {
    return Panache.withSession(
        () ->
            ObjectiveRow.<ObjectiveRow>listAll()
                .invoke(rows -> rows.forEach(topology::put))
                .chain(() -> RegionRevisionRow.<RegionRevisionRow>listAll())
                .invoke(rows -> rows.forEach(topology::put))
                .chain(() -> BreachRow.<BreachRow>listAll()));
  }
}
