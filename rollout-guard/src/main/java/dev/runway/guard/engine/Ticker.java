package dev.runway.guard.engine;

import dev.runway.guard.rollout.Input;
import dev.runway.guard.state.RolloutRow;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The clock of every rollout in progress: once a second each gets a Tick, in its own transaction,
 * so bakes and watches end on time and a restarted guard resumes where its rows say, once it hears
 * its facts again ({@link FactsFeed}).
 */
@ApplicationScoped
public class Ticker {

  private static final Logger LOG = Logger.getLogger(Ticker.class);

  private final RolloutEngine engine;
  private final FactsFeed facts;

  public Ticker(RolloutEngine engine, @Identifier(FactsFeed.NAME) FactsFeed facts) {
    this.engine = engine;
    this.facts = facts;
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> tick() {
    Instant now = Instant.now();
    Instant hearingSince = facts.hearingSince();
    facts.warnIfLongDeaf();
    return Panache.withSession(() -> RolloutRow.activeIds())
        .chain(
            ids -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (String id : ids) {
                chain =
                    chain.chain(
                        () ->
                            Panache.withTransaction(
                                () ->
                                    engine.apply(
                                        id,
                                        new Input.Tick(now, hearingSince),
                                        null,
                                        Context.root())));
              }
              return chain;
            })
        .onFailure()
        .invoke(e -> LOG.warnf("A rollout tick failed (the next one retries): %s", e.getMessage()))
        .onFailure()
        .recoverWithNull();
  }
}
