package dev.runway.guard.engine;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Whether the guard hears its facts: every channel {@link FactsConsumer} reads has its partitions
 * assigned. A guard that has just started, or whose group is rebalancing (a replica killed or
 * joining), may not have read the TrafficShifted or the verdict that decides a step, so {@link
 * Ticker} decides nothing until it hears again and counts a progress deadline only from then (a
 * restarted guard used to stall a healthy rollout whose confirmation sat unread on the bus).
 */
@ApplicationScoped
@Identifier(FactsFeed.NAME)
public class FactsFeed implements KafkaConsumerRebalanceListener {

  /** The name each fact channel's {@code consumer-rebalance-listener.name} gives. */
  public static final String NAME = "rollout-guard-facts";

  static final List<String> CHANNELS = List.of("manifests", "deployments", "slo", "rollouts");

  private static final Logger LOG = Logger.getLogger(FactsFeed.class);
  private static final Duration NOTABLE_GAP = Duration.ofSeconds(5);
  private static final Duration LONG_DEAFNESS = Duration.ofSeconds(30);
  private static final Duration WARN_EVERY = Duration.ofMinutes(5);

  private final List<String> topics;
  private final Supplier<Instant> clock;

  /** Each assigned topic's last assignment; a topic absent here is not assigned. */
  private final Map<String, Instant> assignedAt = new HashMap<>();

  private final Instant startedAt;
  private Instant deafSince;
  private Instant warnedAt;

  public FactsFeed() {
    this(
        CHANNELS.stream()
            .map(
                channel ->
                    ConfigProvider.getConfig()
                        .getValue("mp.messaging.incoming." + channel + ".topic", String.class))
            .toList(),
        Instant::now);
  }

  FactsFeed(List<String> topics, Supplier<Instant> clock) {
    this.topics = List.copyOf(topics);
    this.clock = clock;
    this.startedAt = clock.get();
  }

  /**
   * Since when every fact channel has been assigned without a gap (the last of their assignments);
   * null while one is not.
   */
  public synchronized Instant hearingSince() {
    Instant since = Instant.MIN;
    for (String topic : topics) {
      Instant at = assignedAt.get(topic);
      if (at == null) {
        return null;
      }
      since = at.isAfter(since) ? at : since;
    }
    return since;
  }

  /**
   * Says so at WARN when the guard has not heard every fact channel for long: every rollout holds
   * meanwhile (fail closed), which readiness and a DEBUG line alone would not tell an operator.
   * Called on every tick; warns 30 s into a deafness (or into a start never heard), then every 5
   * minutes of it.
   *
   * @return whether it warned
   */
  synchronized boolean warnIfLongDeaf() {
    if (hearingSince() != null) {
      warnedAt = null;
      return false;
    }
    Instant now = clock.get();
    Duration deaf = Duration.between(deafSince != null ? deafSince : startedAt, now);
    if (deaf.compareTo(LONG_DEAFNESS) < 0
        || (warnedAt != null && Duration.between(warnedAt, now).compareTo(WARN_EVERY) < 0)) {
      return false;
    }
    warnedAt = now;
    LOG.warnf(
        "No rollout step decided for %d s: %s not assigned to this guard (its consumer group is"
            + " rebalancing, or waits for a dead member's session to time out); every rollout"
            + " holds until they are",
        deaf.toSeconds(), topics.stream().filter(topic -> !assignedAt.containsKey(topic)).toList());
    return true;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assigned(consumer.subscription());
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    unassigned(consumer.subscription(), "rebalancing");
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    unassigned(consumer.subscription(), "its partitions were lost");
  }

  /** The consumer of these topics has its partitions (perhaps none) again. */
  synchronized void assigned(Collection<String> subscription) {
    boolean wasHearing = hearingSince() != null;
    Instant now = clock.get();
    subscription.stream().filter(topics::contains).forEach(t -> assignedAt.put(t, now));
    if (!wasHearing && hearingSince() != null && deafSince != null) {
      Duration gap = Duration.between(deafSince, now);
      // A start or a replica joining rebalances in well under a second; a member that died holds
      // its partitions until its session times out, which is what an operator needs to see
      if (gap.compareTo(NOTABLE_GAP) >= 0) {
        LOG.infof(
            "Hearing every fact channel again after %d s without: rollout steps are decided"
                + " again, and their progress deadlines count from now",
            gap.toSeconds());
      }
      deafSince = null;
    }
  }

  /** The consumer of these topics lost its partitions: until they return, nothing is decided. */
  synchronized void unassigned(Collection<String> subscription, String why) {
    boolean wasHearing = hearingSince() != null;
    subscription.forEach(assignedAt::remove);
    if (wasHearing && hearingSince() == null) {
      deafSince = clock.get();
      LOG.debugf(
          "Fact channel %s %s: no rollout step is decided until it is assigned again",
          subscription, why);
    }
  }
}
