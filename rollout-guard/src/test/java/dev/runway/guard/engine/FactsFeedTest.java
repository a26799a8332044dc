package dev.runway.guard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactsFeedTest {

  private static final List<String> TOPICS = List.of("runway.deployments", "runway.slo");

  private Instant now = Instant.parse("2026-12-03T10:00:00Z");

  private final FactsFeed feed = new FactsFeed(TOPICS, () -> now);

  @Test
  void hearsNothingUntilEveryChannelIsAssigned() {
    assertThat(feed.hearingSince()).as("just started").isNull();
    feed.assigned(Set.of("runway.deployments"));
    assertThat(feed.hearingSince()).as("the verdicts' channel is not assigned yet").isNull();

    now = now.plusSeconds(4);
    feed.assigned(Set.of("runway.slo"));
    assertThat(feed.hearingSince()).isEqualTo(now);
  }

  @Test
  void aRebalanceStartsTheHearingAgainFromTheLastAssignment() {
    feed.assigned(Set.copyOf(TOPICS));
    now = now.plus(Duration.ofMinutes(5));
    feed.unassigned(Set.of("runway.slo"), "rebalancing");
    assertThat(feed.hearingSince()).isNull();

    now = now.plusSeconds(11);
    feed.assigned(Set.of("runway.slo"));
    assertThat(feed.hearingSince()).isEqualTo(now);
  }

  @Test
  void aTopicTheGuardDoesNotReadChangesNothing() {
    feed.assigned(Set.copyOf(TOPICS));
    Instant since = feed.hearingSince();
    now = now.plusSeconds(30);
    feed.unassigned(Set.of("runway.other"), "rebalancing");
    assertThat(feed.hearingSince()).isEqualTo(since);
  }

  @Test
  void warnsOfALongDeafnessOnceAndThenEveryFiveMinutesOfIt() {
    now = now.plusSeconds(29);
    assertThat(feed.warnIfLongDeaf()).as("a start still joining its group").isFalse();
    now = now.plusSeconds(2);
    assertThat(feed.warnIfLongDeaf()).as("31 s after a start, never heard").isTrue();
    now = now.plusSeconds(60);
    assertThat(feed.warnIfLongDeaf()).as("said a minute ago").isFalse();
    now = now.plus(Duration.ofMinutes(5));
    assertThat(feed.warnIfLongDeaf()).as("five minutes on, still deaf").isTrue();

    feed.assigned(Set.copyOf(TOPICS));
    assertThat(feed.warnIfLongDeaf()).as("hearing").isFalse();
    now = now.plus(Duration.ofHours(1));
    feed.unassigned(Set.of("runway.slo"), "its partitions were lost");
    now = now.plusSeconds(20);
    assertThat(feed.warnIfLongDeaf()).as("20 s into a new deafness").isFalse();
    now = now.plusSeconds(11);
    assertThat(feed.warnIfLongDeaf()).as("31 s into it, the earlier warning long past").isTrue();
  }
}
