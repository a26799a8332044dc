package dev.runway.observability.state;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads this service's tables into memory at start: topology and open breaches. */
@ApplicationScoped
public class StateLoader {

  private final Topology topology;
  private final Timeline timeline;

  public StateLoader(Topology topology, Timeline timeline) {
    this.topology = topology;
    this.timeline = timeline;
  }

  /** Loads the topology and answers the breaches open now. */
  public Uni<List<BreachRow>> load() {
    return Panache.withSession(
        () ->
            ObjectiveRow.<ObjectiveRow>listAll()
                .invoke(rows -> rows.forEach(topology::put))
                .chain(() -> RegionRevisionRow.<RegionRevisionRow>listAll())
                .invoke(rows -> rows.forEach(topology::put))
                .chain(
                    () ->
                        TimelineRow.<TimelineRow>find("order by at desc, id desc")
                            .range(0, timeline.size() * 20 - 1)
                            .list())
                .invoke(
                    rows -> {
                      for (int i = rows.size() - 1; i >= 0; i--) {
                        timeline.add(rows.get(i));
                      }
                    })
                .chain(() -> BreachRow.<BreachRow>listAll()));
  }

  /**
   * Reads the topology again, for what other replicas' consumers wrote; the judge does it before
   * every evaluation.
   */
  public Uni<Void> refreshTopology() {
    long readAt = System.nanoTime();
    return Panache.withSession(
        () ->
            ObjectiveRow.<ObjectiveRow>listAll()
                .chain(
                    objectives ->
                        RegionRevisionRow.<RegionRevisionRow>listAll()
                            .invoke(revisions -> topology.refresh(objectives, revisions, readAt)))
                .replaceWithVoid());
  }

  /** The breaches open now, for a replica that takes over the judging. */
  public Uni<List<BreachRow>> openBreaches() {
    return Panache.withSession(() -> BreachRow.<BreachRow>listAll());
  }
}
