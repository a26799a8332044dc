package dev.runway.guard.rollout;

import dev.runway.common.events.SloStatus;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest.OnBreach;
import dev.runway.common.manifest.RunwayManifest.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drives one rollout through {@link Transitions}, as the guard service would. */
final class Harness {

  static final Duration BAKE = Duration.ofSeconds(30);
  static final Duration WATCH = Duration.ofMinutes(5);
  static final List<String> REGIONS = List.of("europe-west1", "us-east1", "us-west1");

  Rollout state;
  Instant now = Instant.parse("2026-11-30T10:00:00Z");

  /** Since when the guard hears its facts (FactsFeed); null while it does not. */
  Instant hearingSince = now.minus(Duration.ofDays(1));

  final List<Command> history = new ArrayList<>();
  List<Command> last = List.of();

  Harness(Environment environment, RolloutPolicy policy, Map<String, String> previous) {
    state = Rollout.plan("svc", environment, "svc-" + environment + "-00002", policy, previous);
  }

  static Harness of(
      Environment environment, Strategy strategy, OnBreach onBreach, List<List<String>> waves) {
    return new Harness(
        environment, policy(strategy, onBreach, waves), previousEverywhere(environment));
  }

  static RolloutPolicy policy(Strategy strategy, OnBreach onBreach, List<List<String>> waves) {
    List<Integer> steps = strategy == Strategy.expedited ? List.of(100) : List.of(25, 50, 100);
    return new RolloutPolicy(strategy, steps, waves, BAKE, onBreach, WATCH, null, null, null);
  }

  static Map<String, String> previousEverywhere(Environment environment) {
    return Map.of(
        "europe-west1", "svc-" + environment + "-00001",
        "us-east1", "svc-" + environment + "-00001",
        "us-west1", "svc-" + environment + "-00001");
  }

  List<Command> send(Input input) {
    Transitions.Step step = Transitions.apply(state, input);
    state = step.rollout();
    last = step.commands();
    history.addAll(last);
    return last;
  }

  List<Command> start() {
    return send(new Input.Start(now));
  }

  /** TrafficShifted for every shift just asked for, as the reconciler would answer. */
  List<Command> confirmShifts() {
    List<Command> asked = List.copyOf(last);
    List<Command> caused = new ArrayList<>();
    for (Command c : asked) {
      if (c instanceof Command.ShiftTraffic shift) {
        caused.addAll(send(new Input.Shifted(shift.region(), shift.percent(), now)));
      }
    }
    last = caused;
    return caused;
  }

  /**
   * Observability's verdict, judged and delivered now, over a window that began a metric lag after
   * the region's traffic took effect (now, while it is still shifting): the earliest window that
   * counts for its step. (Tests of the evidence rules set the times themselves.)
   */
  List<Command> verdict(String region, SloStatus status) {
    RegionProgress progress = state.regions().get(region);
    Instant traffic = progress == null || progress.trafficAt() == null ? now : progress.trafficAt();
    return send(
        new Input.Verdict(region, status, now, traffic.plus(Evidence.DEFAULT.metricLag()), now));
  }

  void healthyEverywhere() {
    for (String region : state.regions().keySet()) {
      verdict(region, SloStatus.HEALTHY);
    }
  }

  List<Command> after(Duration elapsed) {
    now = now.plus(elapsed);
    return send(new Input.Tick(now, hearingSince));
  }

  RegionPhase phase(String region) {
    return state.regions().get(region).phase();
  }

  int percent(String region) {
    return state.percent(state.regions().get(region));
  }

  <T extends Command> List<T> all(Class<T> type) {
    return history.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Baked healthy through every step of every wave, with a fresh verdict for each. */
  void rollThrough() {
    start();
    for (int i = 0; i < 20 && !state.finished(); i++) {
      confirmShifts();
      healthyEverywhere();
      after(BAKE);
    }
  }
}
