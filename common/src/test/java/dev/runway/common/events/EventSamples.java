package dev.runway.common.events;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.RunwayManifest;
import java.util.List;
import java.util.Map;

/** One representative instance of every event type: the snapshots and the catalogue use them. */
final class EventSamples {
  private EventSamples() {}

  private static final RunwayManifest MANIFEST =
      new RunwayManifest(
          "runway/v1",
          "RunwayService",
          new RunwayManifest.Metadata("example-service"),
          new RunwayManifest.Spec(
              "registry.example.com/example-service:1a2b3c4",
              8181,
              List.of("europe-west1", "us-east1"),
              Map.of("MODEL", "code-gecko"),
              null,
              null,
              null,
              null,
              null,
              null));

  private static final Revision REVISION =
      new Revision(
          "example-service-staging-00002",
          2,
          "registry.example.com/example-service:1a2b3c4",
          8181,
          Map.of("MODEL", "code-gecko"),
          new RunwayManifest.Resources("1", "512Mi"),
          new RunwayManifest.Scaling(0, 10),
          "/healthz",
          List.of(),
          "5f0c1e9a");

  static final Map<Class<? extends RunwayEvent>, RunwayEvent> BY_TYPE =
      Map.ofEntries(
          Map.entry(
              InventoryChanged.class,
              new InventoryChanged(
                  Origin.api, List.of("example-service"), List.of(), List.of("old-service"), 1)),
          Map.entry(
              ServiceRequested.class,
              new ServiceRequested(
                  "example-service",
                  46267196,
                  List.of("europe-west1", "us-east1", "us-west1"),
                  List.of("europe-west1"))),
          Map.entry(
              ServiceProvisioned.class,
              new ServiceProvisioned(
                  "example-service",
                  46267196,
                  List.of("europe-west1"),
                  "crun-example-service@runway-local.iam.gserviceaccount.com",
                  List.of(
                      new ProvisionedResource(
                          "google_service_account", "crun-example-service", "global"),
                      new ProvisionedResource(
                          "google_cloud_run_v2_service", "example-service", "europe-west1")))),
          Map.entry(
              ServiceProvisioningFailed.class,
              new ServiceProvisioningFailed(
                  "example-service",
                  List.of("europe-west1"),
                  "cannot write main.tf.json: disk full")),
          Map.entry(
              ServiceDecommissionRequested.class,
              new ServiceDecommissionRequested(
                  "example-service", List.of("europe-west1", "us-east1"))),
          Map.entry(
              ServiceDecommissioned.class,
              new ServiceDecommissioned(
                  "example-service",
                  List.of(
                      new ProvisionedResource(
                          "google_cloud_run_v2_service", "example-service", "europe-west1")))),
          Map.entry(
              ManifestChanged.class,
              new ManifestChanged(
                  "example-service",
                  Environment.PRODUCTION,
                  MANIFEST,
                  Origin.gitlab,
                  "1a2b3c4d",
                  "hotfix for INC-4711, staging is down")),
          Map.entry(
              ChangeHeld.class,
              new ChangeHeld(
                  "example-service",
                  Environment.PRODUCTION,
                  "registry.example.com/example-service:v2",
                  Origin.gitlab,
                  "1a2b3c4d",
                  "change lock: registry.example.com/example-service:v2 has not succeeded in"
                      + " staging",
                  java.time.Instant.parse("2026-11-29T10:15:00Z"))),
          Map.entry(
              ChangeReleased.class,
              new ChangeReleased(
                  "example-service",
                  Environment.PRODUCTION,
                  "registry.example.com/example-service:v2",
                  "registry.example.com/example-service:v2 succeeded in staging",
                  java.time.Instant.parse("2026-11-29T10:21:00Z"))),
          Map.entry(
              DryRunRequested.class,
              new DryRunRequested(
                  "example-service",
                  Environment.PRODUCTION,
                  "plan-7f3a",
                  MANIFEST,
                  Origin.gitlab,
                  "https://gitlab.example.com/group/example-service/-/merge_requests/12")),
          Map.entry(
              DryRunPlanned.class,
              new DryRunPlanned(
                  "example-service",
                  Environment.PRODUCTION,
                  "plan-7f3a",
                  List.of(
                      new RegionPlan(
                          "europe-west1",
                          RegionAction.DEPLOY,
                          "example-service-production-00001",
                          "example-service-production-00002",
                          List.of("spec.image"),
                          List.of(25, 50, 75, 100),
                          120)),
                  "")),
          Map.entry(
              RegionDeployRequested.class,
              new RegionDeployRequested(
                  "example-service",
                  Environment.STAGING,
                  "europe-west1",
                  "dep-42",
                  RegionAction.DEPLOY,
                  REVISION)),
          Map.entry(
              RegionDeployed.class,
              new RegionDeployed(
                  "example-service",
                  Environment.STAGING,
                  "europe-west1",
                  "dep-42",
                  "example-service-staging-00002",
                  "http://127.0.0.1:41234",
                  840)),
          Map.entry(
              RegionDeployFailed.class,
              new RegionDeployFailed(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "dep-42",
                  "example-service-staging-00002",
                  "not ready within 60s: GET /healthz answered 503")),
          Map.entry(
              TrafficShifted.class,
              new TrafficShifted(
                  "example-service",
                  Environment.STAGING,
                  "europe-west1",
                  Map.of("example-service-staging-00001", 75, "example-service-staging-00002", 25),
                  Map.of(
                      "example-service-staging-00001", "http://127.0.0.1:41233",
                      "example-service-staging-00002", "http://127.0.0.1:41234"))),
          Map.entry(
              RegionRemoved.class,
              new RegionRemoved("example-service", Environment.STAGING, "us-west1", "dep-43")),
          Map.entry(
              DeploymentCompleted.class,
              new DeploymentCompleted(
                  "example-service",
                  Environment.STAGING,
                  "dep-42",
                  "example-service-staging-00002",
                  List.of("europe-west1"),
                  List.of("us-east1"),
                  2150,
                  List.of("europe-west1", "us-east1"),
                  new dev.runway.common.manifest.RunwayManifest.Rollout(
                      dev.runway.common.manifest.RunwayManifest.Strategy.gradual,
                      List.of(25, 50, 100),
                      "30s",
                      null,
                      null,
                      "5m",
                      null,
                      null))),
          Map.entry(
              RequestStats.class,
              new RequestStats(
                  "example-service",
                  Environment.PRODUCTION,
                  "europe-west1",
                  "example-service-production-00002",
                  java.time.Instant.parse("2026-11-29T10:15:31Z"),
                  1,
                  120,
                  110,
                  0,
                  2,
                  8,
                  1,
                  List.of(0L, 0L, 3L, 40L, 60L, 12L, 4L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
                  1234.5)),
          Map.entry(
              SloBreached.class,
              new SloBreached(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  Sli.AVAILABILITY,
                  99.9,
                  "page-1h-5m",
                  Severity.page,
                  98.5,
                  List.of(
                      new WindowEvidence("1h", 60, 1200, 120, 100.0),
                      new WindowEvidence("5m", 5, 100, 10, 100.0)),
                  0.82,
                  new StableComparison("example-service-staging-00001", 1100, 1, 9.7, 0.99),
                  java.time.Instant.parse("2026-11-29T10:16:02Z"))),
          Map.entry(
              SloRecovered.class,
              new SloRecovered(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  Sli.AVAILABILITY,
                  java.time.Instant.parse("2026-11-29T10:16:02Z"),
                  List.of(
                      new WindowEvidence("1h", 60, 1200, 0, 0.0),
                      new WindowEvidence("5m", 5, 100, 0, 0.0)),
                  0.8,
                  java.time.Instant.parse("2026-11-29T10:19:40Z"))),
          Map.entry(
              SloStatusChanged.class,
              new SloStatusChanged(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  SloStatus.HEALTHY,
                  SloStatus.INSUFFICIENT_DATA,
                  java.time.Instant.parse("2026-11-29T10:15:40Z"),
                  java.time.Instant.parse("2026-11-29T10:15:04Z"),
                  java.time.Instant.parse("2026-11-29T10:15:39Z"),
                  412)),
          Map.entry(
              RolloutStarted.class,
              new RolloutStarted(
                  "example-service",
                  Environment.STAGING,
                  "example-service-staging-00002",
                  RunwayManifest.Strategy.gradual,
                  List.of(20, 50, 100),
                  List.of(List.of("europe-west1", "us-east1", "us-west1")),
                  Map.of(
                      "europe-west1", "example-service-staging-00001",
                      "us-east1", "example-service-staging-00001",
                      "us-west1", "example-service-staging-00001"),
                  30,
                  java.time.Instant.parse("2026-11-29T10:15:10Z"))),
          Map.entry(
              TrafficShiftRequested.class,
              new TrafficShiftRequested(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  20,
                  "example-service-staging-00001",
                  java.time.Instant.parse("2026-11-29T10:15:10Z"))),
          Map.entry(
              RollbackRequested.class,
              new RollbackRequested(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  "example-service-staging-00001",
                  "example-service-staging-00002 breached its availability SLO in us-east1",
                  null,
                  java.time.Instant.parse("2026-11-29T10:16:02Z"))),
          Map.entry(
              RolledBack.class,
              new RolledBack(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  "example-service-staging-00001",
                  "example-service-staging-00002 breached its availability SLO in us-east1",
                  null,
                  java.time.Instant.parse("2026-11-29T10:16:02Z"),
                  java.time.Instant.parse("2026-11-29T10:16:02.350Z"))),
          Map.entry(
              RollbackFailed.class,
              new RollbackFailed(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  "the previous revision example-service-staging-00001 breaches in us-east1 too",
                  java.time.Instant.parse("2026-11-29T10:17:30Z"))),
          Map.entry(
              PromotionApproved.class,
              new PromotionApproved(
                  "example-service",
                  "example-service-staging-00002",
                  java.time.Instant.parse("2026-11-29T10:18:00Z"))),
          Map.entry(
              PromotionBlocked.class,
              new PromotionBlocked(
                  "example-service",
                  "example-service-staging-00002",
                  "example-service-staging-00002 breached its availability SLO in us-east1",
                  java.time.Instant.parse("2026-11-29T10:16:02Z"))),
          Map.entry(
              TrafficShiftFailed.class,
              new TrafficShiftFailed(
                  "example-service",
                  Environment.STAGING,
                  "us-east1",
                  "example-service-staging-00002",
                  50,
                  "the region is deploying",
                  java.time.Instant.parse("2026-11-29T10:14:00Z"))),
          Map.entry(
              RolloutStalled.class,
              new RolloutStalled(
                  "example-service",
                  Environment.STAGING,
                  "example-service-staging-00002",
                  "us-east1",
                  "no fresh HEALTHY verdict at 25% within the progress deadline of 1m",
                  dev.runway.common.manifest.RunwayManifest.OnStall.pause,
                  java.time.Instant.parse("2026-11-29T10:18:00Z"))),
          Map.entry(
              RolloutFinished.class,
              new RolloutFinished(
                  "example-service",
                  Environment.STAGING,
                  "example-service-staging-00002",
                  RolloutStatus.ROLLED_BACK,
                  List.of("us-east1"),
                  java.time.Instant.parse("2026-11-29T10:19:00Z"))));

  static RunwayEvent of(EventType<?> type) {
    RunwayEvent sample = BY_TYPE.get(type.type());
    if (sample == null) {
      throw new AssertionError("add a sample for " + type.name() + " to EventSamples");
    }
    return sample;
  }
}
