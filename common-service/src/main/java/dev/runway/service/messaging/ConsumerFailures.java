package dev.runway.service.messaging;

import dev.runway.common.events.PoisonEvent;
import dev.runway.common.schema.ValidationFailed;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which failures of a consumer's effect are the record's fault and which are the world's, and which
 * consumers are waiting out the world right now. Poison (undecodable, invalid or unknown data) goes
 * to the dead-letter topic; anything else (a database or broker away, a lock timeout, a connection
 * reset) is transient: the record is retried until it passes, never dead-lettered, and the service
 * reports itself not ready meanwhile.
 */
public final class ConsumerFailures {

  /** Whether a failure is the record's own: retrying it can never help. */
  public static boolean poison(Throwable failure) {
    return failure instanceof PoisonEvent
        || failure instanceof ValidationFailed
        || failure instanceof IllegalArgumentException;
  }

  /** A consumer retrying a transient failure, since when, and why. */
  public record Retrying(Instant since, String why) {}

  private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();

  void failing(String consumer, Throwable failure) {
    retrying.putIfAbsent(consumer, new Retrying(Instant.now(), failure.toString()));
  }

  void passed(String consumer) {
    retrying.remove(consumer);
  }

  /** The consumers waiting out a transient failure now. */
  public Map<String, Retrying> retrying() {
    return Map.copyOf(retrying);
  }

  public Optional<Retrying> retrying(String consumer) {
    return Optional.ofNullable(retrying.get(consumer));
  }
}
