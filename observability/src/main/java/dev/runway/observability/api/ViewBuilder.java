package dev.runway.observability.api;

import dev.runway.common.events.Sli;
import dev.runway.common.manifest.Environment;
import dev.runway.observability.evaluation.Breaches;
import dev.runway.observability.evaluation.SliWindows;
import dev.runway.observability.evaluation.Verdicts;
import dev.runway.observability.slo.Finding;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.slo.SliVerdict;
import dev.runway.observability.slo.WindowCounts;
import dev.runway.observability.state.Timeline;
import dev.runway.observability.state.Topology;
import dev.runway.observability.windows.SeriesKey;
import dev.runway.observability.windows.SeriesWindows;
import dev.runway.observability.windows.Totals;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the windows, verdicts and topology into {@link Views}. */
@ApplicationScoped
public class ViewBuilder {

  private final Topology topology;
  private final SliWindows windows;
  private final Verdicts verdicts;
  private final Breaches breaches;
  private final Timeline timeline;
  private final Clock clock = Clock.systemUTC();

  public ViewBuilder(
      Topology topology,
      SliWindows windows,
      Verdicts verdicts,
      Breaches breaches,
      Timeline timeline) {
    this.topology = topology;
    this.windows = windows;
    this.verdicts = verdicts;
    this.breaches = breaches;
    this.timeline = timeline;
  }

  public Views.Dashboard dashboard() {
    Map<SeriesKey, SeriesWindows> series = windows.store().series();
    Set<String> services = new TreeSet<>(topology.services());
    series.keySet().forEach(k -> services.add(k.service()));
    List<Views.Service> views = new ArrayList<>();
    for (String service : services) {
      views.add(service(service, series));
    }
    return new Views.Dashboard(
        clock.instant(), windows.settings().scale().factor(), views, timeline.all());
  }

  /** One service's figures, if Runway knows it. */
  public Optional<Views.Service> service(String service) {
    Map<SeriesKey, SeriesWindows> series = windows.store().series();
    boolean known =
        topology.services().contains(service)
            || series.keySet().stream().anyMatch(k -> k.service().equals(service));
    return known ? Optional.of(service(service, series)) : Optional.empty();
  }

  private Views.Service service(String service, Map<SeriesKey, SeriesWindows> series) {
    // Staging before production, the order a change travels.
    Set<Environment> environments = EnumSet.noneOf(Environment.class);
    environments.addAll(topology.environments(service));
    series.keySet().stream()
        .filter(k -> k.service().equals(service))
        .forEach(k -> environments.add(k.environment()));
    List<Views.Environment> envs = new ArrayList<>();
    for (Environment environment : environments) {
      Objective objective = topology.objective(service, environment);
      Set<String> regions = new LinkedHashSet<>(topology.regions(service, environment));
      regions.addAll(topology.deployedRegions(service, environment));
      series.keySet().stream()
          .filter(k -> k.service().equals(service) && k.environment() == environment)
          .forEach(k -> regions.add(k.region()));
      List<Views.Region> regionViews = new ArrayList<>();
      for (String region : regions) {
        regionViews.add(region(service, environment, region, series));
      }
      envs.add(
          new Views.Environment(
              environment,
              objective.availabilityPercent(),
              objective.latencyThresholdMs(),
              regionViews));
    }
    return new Views.Service(service, envs);
  }

  private Views.Region region(
      String service,
      Environment environment,
      String region,
      Map<SeriesKey, SeriesWindows> series) {
    long now = SliWindows.settledSecond(clock.instant());
    long display = windows.displaySeconds();
    Map<String, Integer> split = topology.split(service, environment, region);
    Optional<String> stable = split.keySet().stream().findFirst();
    Set<String> revisions = new LinkedHashSet<>(split.keySet());
    series.keySet().stream()
        .filter(
            k ->
                k.service().equals(service)
                    && k.environment().equals(environment)
                    && k.region().equals(region))
        .map(SeriesKey::revision)
        .sorted()
        .forEach(revisions::add);
    Totals total = Totals.empty();
    List<Views.Revision> revisionViews = new ArrayList<>();
    String worst = "IDLE";
    for (String revision : revisions) {
      SeriesKey key = new SeriesKey(service, environment, region, revision);
      SeriesWindows w = series.get(key);
      Totals recent = w == null ? Totals.empty() : w.over(display, now);
      total = total.plus(recent);
      List<Views.Sli> slis = new ArrayList<>();
      for (Sli sli : Sli.values()) {
        Optional<SliVerdict> verdict = verdicts.of(key, sli);
        if (verdict.isPresent()) {
          Views.Sli view = sli(key, verdict.get());
          slis.add(view);
          // A revision without traffic left speaks for the region only while it breaches.
          if (split.containsKey(revision) || recent.requests() > 0 || view.breach() != null) {
            worst = worse(worst, view.status());
          }
        }
      }
      revisionViews.add(
          new Views.Revision(
              revision,
              split.getOrDefault(revision, 0),
              stable.map(revision::equals).orElse(false),
              (double) recent.requests() / display,
              slis));
    }
    return new Views.Region(
        region,
        worst,
        (double) total.requests() / display,
        total.requests() == 0 ? 0 : (double) total.errors() / total.requests(),
        total.requests() == 0 ? null : total.quantileMs(0.95),
        split,
        revisionViews);
  }

  private Views.Sli sli(SeriesKey key, SliVerdict verdict) {
    List<WindowCounts> windowsRead = new ArrayList<>();
    List<Views.Rule> rules = new ArrayList<>();
    for (Finding finding : verdict.findings()) {
      rules.add(new Views.Rule(finding.rule(), finding.outcome().name(), finding.burnRate()));
      if (!finding.rule().equals(Finding.CANARY_RULE)) {
        windowsRead.addAll(finding.windows());
      }
    }
    // Shortest window first, as people read them: 5m, 30m, 1h, ...
    windowsRead.sort(java.util.Comparator.comparingLong(WindowCounts::seconds));
    Map<String, Double> burnRates = new LinkedHashMap<>();
    windowsRead.forEach(w -> burnRates.putIfAbsent(w.label(), w.burnRate()));
    Views.Breach breach =
        breaches
            .openBreach(key, verdict.sli().label())
            .map(b -> new Views.Breach(b.rule, b.breachedAt))
            .orElse(null);
    return new Views.Sli(
        verdict.sli().label(),
        verdict.status().name(),
        verdict.budgetRemaining(),
        burnRates,
        rules,
        breach);
  }

  private static final List<String> SEVERITY =
      List.of("IDLE", "HEALTHY", "INSUFFICIENT_DATA", "BREACHED");

  private static String worse(String a, String b) {
    return SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;
  }

  Instant now() {
    return clock.instant();
  }
}
