package dev.runway.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.events.RegionAction;
import dev.runway.common.events.RegionPlan;
import dev.runway.common.events.Revision;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.reconciler.revision.Revisions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static RunwayManifest.Spec spec(
      String image, Map<String, String> env, RunwayManifest.Scaling scaling, String... regions) {
    return new RunwayManifest.Spec(
        image, 8181, List.of(regions), env, null, scaling, null, null, null, null);
  }

  private static final RunwayManifest.Spec V1 =
      spec("r.example.com/s:1", Map.of("A", "1"), null, "europe-west1", "us-east1");

  private static Revision revision(RunwayManifest.Spec spec, List<Revision> existing) {
    return Revisions.resolve("s", Environment.STAGING, spec, existing);
  }

  private static RegionActual ready(String region, Revision revision) {
    return new RegionActual(
        region, revision.name(), RegionStatus.READY, Map.of(revision.name(), 100), "http://x");
  }

  private static Map<String, RegionActual> running(Revision revision, String... regions) {
    Map<String, RegionActual> actual = new HashMap<>();
    for (String region : regions) {
      actual.put(region, ready(region, revision));
    }
    return actual;
  }

  private static List<RegionPlan> plan(
      RunwayManifest.Spec spec,
      Revision desired,
      Map<String, RegionActual> actual,
      Revision... known) {
    Map<String, Revision> byName = new HashMap<>();
    for (Revision r : known) {
      byName.put(r.name(), r);
    }
    return Planner.plan(spec, desired, actual, byName, Planner.Estimates.DEFAULT);
  }

  @Test
  void shouldCreateEveryRegionOfANewService() {
    Revision r1 = revision(V1, List.of());

    assertThat(plan(V1, r1, Map.of()))
        .extracting(RegionPlan::region, RegionPlan::action, RegionPlan::toRevision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "europe-west1", RegionAction.CREATE, "s-staging-00001"),
            org.assertj.core.groups.Tuple.tuple(
                "us-east1", RegionAction.CREATE, "s-staging-00001"));
  }

  @Test
  void shouldDoNothingWhenEveryRegionAlreadyMatches() {
    Revision r1 = revision(V1, List.of());

    assertThat(plan(V1, r1, running(r1, "europe-west1", "us-east1"), r1))
        .extracting(RegionPlan::action)
        .containsOnly(RegionAction.NOTHING);
  }

  @Test
  void shouldMakeNoNewRevisionForAnUnchangedManifest() {
    Revision r1 = revision(V1, List.of());

    assertThat(revision(V1, List.of(r1))).isEqualTo(r1);
  }

  @Test
  void shouldMakeNoNewRevisionWhenOnlyRegionsOrRolloutChange() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec moreRegions =
        spec("r.example.com/s:1", Map.of("A", "1"), null, "europe-west1", "us-east1", "us-west1");

    assertThat(revision(moreRegions, List.of(r1))).isEqualTo(r1);
  }

  @Test
  void shouldCreateAnAddedRegionOnly() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec added =
        spec("r.example.com/s:1", Map.of("A", "1"), null, "europe-west1", "us-east1", "us-west1");

    List<RegionPlan> plans = plan(added, r1, running(r1, "europe-west1", "us-east1"), r1);

    assertThat(plans)
        .extracting(RegionPlan::action)
        .containsExactly(RegionAction.NOTHING, RegionAction.NOTHING, RegionAction.CREATE);
    assertThat(plans.get(2).region()).isEqualTo("us-west1");
  }

  @Test
  void shouldRemoveARegionNoLongerListed() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec fewer = spec("r.example.com/s:1", Map.of("A", "1"), null, "europe-west1");

    List<RegionPlan> plans = plan(fewer, r1, running(r1, "europe-west1", "us-east1"), r1);

    assertThat(plans)
        .extracting(RegionPlan::region, RegionPlan::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("europe-west1", RegionAction.NOTHING),
            org.assertj.core.groups.Tuple.tuple("us-east1", RegionAction.REMOVE));
    assertThat(plans.get(1).fromRevision()).isEqualTo("s-staging-00001");
  }

  @Test
  void shouldDeployANewRevisionEverywhereForANewImage() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec v2 =
        spec("r.example.com/s:2", Map.of("A", "1"), null, "europe-west1", "us-east1");
    Revision r2 = revision(v2, List.of(r1));

    List<RegionPlan> plans = plan(v2, r2, running(r1, "europe-west1", "us-east1"), r1, r2);

    assertThat(r2.name()).isEqualTo("s-staging-00002");
    assertThat(plans)
        .allSatisfy(
            p -> {
              assertThat(p.action()).isEqualTo(RegionAction.DEPLOY);
              assertThat(p.fromRevision()).isEqualTo("s-staging-00001");
              assertThat(p.toRevision()).isEqualTo("s-staging-00002");
              assertThat(p.changes()).containsExactly("spec.image");
              assertThat(p.trafficSteps()).containsExactly(25, 50, 75, 100);
            });
  }

  @Test
  void shouldNameEachChangedEnvironmentVariable() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec env =
        spec("r.example.com/s:1", Map.of("A", "2", "B", "new"), null, "europe-west1", "us-east1");
    Revision r2 = revision(env, List.of(r1));

    assertThat(plan(env, r2, running(r1, "europe-west1", "us-east1"), r1, r2).get(0).changes())
        .containsExactly("spec.env.A", "spec.env.B");
  }

  @Test
  void shouldDeployANewRevisionForAScalingChange() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec scaled =
        spec(
            "r.example.com/s:1",
            Map.of("A", "1"),
            new RunwayManifest.Scaling(2, 20),
            "europe-west1",
            "us-east1");
    Revision r2 = revision(scaled, List.of(r1));

    assertThat(plan(scaled, r2, running(r1, "europe-west1", "us-east1"), r1, r2))
        .allSatisfy(p -> assertThat(p.changes()).containsExactly("spec.scaling"));
  }

  @Test
  void shouldRetryAFailedRegionAndLeaveADeployingOneAlone() {
    Revision r1 = revision(V1, List.of());
    Map<String, RegionActual> actual = new HashMap<>();
    actual.put(
        "europe-west1",
        new RegionActual("europe-west1", r1.name(), RegionStatus.FAILED, Map.of(), null));
    actual.put(
        "us-east1",
        new RegionActual("us-east1", r1.name(), RegionStatus.DEPLOYING, Map.of(), null));

    assertThat(plan(V1, r1, actual, r1))
        .extracting(RegionPlan::action)
        .containsExactly(RegionAction.DEPLOY, RegionAction.NOTHING);
  }

  @Test
  void shouldShiftTrafficWhenTheRevisionRunsButDoesNotServeEverything() {
    Revision r1 = revision(V1, List.of());
    Map<String, RegionActual> actual = running(r1, "europe-west1", "us-east1");
    actual.put(
        "us-east1",
        new RegionActual(
            "us-east1",
            r1.name(),
            RegionStatus.READY,
            Map.of(r1.name(), 50, "s-staging-00000", 50),
            "http://x"));

    assertThat(plan(V1, r1, actual, r1))
        .extracting(RegionPlan::action)
        .containsExactly(RegionAction.NOTHING, RegionAction.SHIFT_TRAFFIC);
  }

  @Test
  void shouldExpectWavesOneAfterAnother() {
    RunwayManifest.Spec regional =
        new RunwayManifest.Spec(
            "r.example.com/s:1",
            8181,
            List.of("europe-west1", "us-east1"),
            Map.of(),
            null,
            null,
            null,
            null,
            new RunwayManifest.Rollout(
                RunwayManifest.Strategy.regional,
                List.of(50, 100),
                "10s",
                List.of(List.of("us-east1"), List.of("europe-west1")),
                null,
                null,
                null,
                null),
            null);
    Revision r1 = revision(regional, List.of());

    List<RegionPlan> plans = plan(regional, r1, Map.of());

    // deploy 10 s + 2 steps × 10 s = 30 s per wave; europe-west1 is the second wave
    assertThat(plans)
        .extracting(RegionPlan::region, RegionPlan::expectedSeconds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("europe-west1", 60L),
            org.assertj.core.groups.Tuple.tuple("us-east1", 30L));
  }

  @Test
  void shouldGoStraightToOneHundredWhenExpedited() {
    RunwayManifest.Spec expedited =
        new RunwayManifest.Spec(
            "r.example.com/s:1",
            8181,
            List.of("us-east1"),
            Map.of(),
            null,
            null,
            null,
            null,
            new RunwayManifest.Rollout(
                RunwayManifest.Strategy.expedited, null, null, null, null, null, null, null),
            null);

    assertThat(plan(expedited, revision(expedited, List.of()), Map.of()).get(0).trafficSteps())
        .containsExactly(100);
  }

  @Test
  void shouldNotRedeployARevisionQuarantinedInARegionUntilADifferentOneIsDesired() {
    Revision r1 = revision(V1, List.of());
    RunwayManifest.Spec v2 =
        spec("r.example.com/s:2", Map.of("A", "1"), null, "europe-west1", "us-east1");
    Revision r2 = revision(v2, List.of(r1));
    Map<String, RegionActual> actual = new HashMap<>(running(r1, "europe-west1"));
    // us-east1 was rolled back from r2 to r1
    actual.put(
        "us-east1",
        new RegionActual(
            "us-east1",
            r1.name(),
            RegionStatus.READY,
            Map.of(r1.name(), 100),
            "http://x",
            r2.name()));

    assertThat(plan(v2, r2, actual, r1, r2))
        .extracting(RegionPlan::region, RegionPlan::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("europe-west1", RegionAction.DEPLOY),
            org.assertj.core.groups.Tuple.tuple("us-east1", RegionAction.NOTHING));

    RunwayManifest.Spec v3 =
        spec("r.example.com/s:3", Map.of("A", "1"), null, "europe-west1", "us-east1");
    Revision r3 = revision(v3, List.of(r1, r2));
    assertThat(plan(v3, r3, actual, r1, r2, r3))
        .extracting(RegionPlan::action)
        .containsOnly(RegionAction.DEPLOY);
  }
}
