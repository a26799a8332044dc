package dev.runway.observability.windows;

import dev.runway.common.events.Sli;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.slo.JudgeSettings;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.SliJudge;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.testing.Stats;
import java.util.Optional;

/** Drives the real windows and the judge second by second, as the service does. */
final class Simulation {

  static final String SERVICE = "sim";
  private final JudgeSettings settings;
  private final SliStore store;

  Simulation(JudgeSettings settings) {
    this.settings = settings;
    this.store = new SliStore(settings.windowSeconds());
  }

  void second(String revision, long second, long requests, long errors) {
    store.add(
        Stats.second(SERVICE, Environment.STAGING, "r1", revision, second, requests, errors, 5));
  }

  SliVerdict judge(String revision, Optional<String> stable, long nowSecond) {
    return SliJudge.judge(
        Sli.AVAILABILITY,
        Objective.DEFAULT,
        settings,
        source(revision, nowSecond),
        stable.map(s -> new SliJudge.Stable(s, source(s, nowSecond))));
  }

  private SliJudge.WindowSource source(String revision, long nowSecond) {
    return seconds -> {
      SeriesWindows w =
          store.series().get(new SeriesKey(SERVICE, Environment.STAGING, "r1", revision));
      return w == null
          ? dev.runway.observability.slo.Counts.NONE
          : w.over(seconds, nowSecond).availability();
    };
  }
}
