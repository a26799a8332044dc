package dev.runway.reconciler.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runway.common.events.ManifestChanged;
import dev.runway.common.events.Origin;
import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.common.regions.RegionCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangePolicyTest {

  private static final RunwayManifest MANIFEST =
      new ManifestValidator(RegionCatalogue.cloudRun())
          .validate(
              """
              apiVersion: runway/v1
              kind: RunwayService
              metadata:
                name: svc
              spec:
                image: registry.example.com/svc:v2
                container_port: 8080
                regions: [us-east1]
              """,
              "runway-production.yml",
              Optional.empty());

  /** Wednesday 2 December 2026, 10:00 UTC. */
  private static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

  private static ManifestChanged change(Environment env, Origin origin, String override) {
    return new ManifestChanged("svc", env, MANIFEST, origin, null, override);
  }

  private static List<FreezeWindow> policy(String yaml) throws Exception {
    return DeployPolicyFile.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), "policy.yml");
  }

  @Test
  void aProductionChangeOfAnImageThatNeverSucceededInStagingIsHeldFromEveryOrigin() {
    ChangePolicy lock = new ChangePolicy(List.of());
    for (Origin origin : List.of(Origin.api, Origin.gitlab)) {
      ChangePolicy.Decision decision =
          lock.decide(change(Environment.PRODUCTION, origin, null), false, WEDNESDAY);
      assertThat(decision.held())
          .get()
          .asString()
          .contains(
              "production change lock", "registry.example.com/svc:v2", "--override-change-lock");
    }
  }

  @Test
  void itGoesAheadOnceTheImageSucceededInStagingAsAPromotionOrWithAnOverride() {
    ChangePolicy lock = new ChangePolicy(List.of());
    assertThat(
            lock.decide(change(Environment.PRODUCTION, Origin.api, null), true, WEDNESDAY).goes())
        .isTrue();
    assertThat(
            lock.decide(change(Environment.PRODUCTION, Origin.promotion, null), false, WEDNESDAY)
                .goes())
        .isTrue();
    assertThat(
            lock.decide(
                    change(Environment.PRODUCTION, Origin.gitlab, "hotfix for INC-4711"),
                    false,
                    WEDNESDAY)
                .goes())
        .isTrue();
    assertThat(lock.decide(change(Environment.STAGING, Origin.api, null), false, WEDNESDAY).goes())
        .as("staging is where an image earns its way")
        .isTrue();
  }

  @Test
  void aBlankOverrideIsRefusedRatherThanTakenAsOne() {
    assertThatThrownBy(() -> change(Environment.PRODUCTION, Origin.api, " "))
        .hasMessageContaining("change_lock_override must give a reason");
  }

  @Test
  void aFreezeWindowHoldsItsEnvironmentsUntilItEndsPromotionsToo() throws Exception {
    ChangePolicy frozen =
        new ChangePolicy(
            policy(
                """
                freeze_windows:
                  - name: year-end
                    environments: [production]
                    time_zone: Europe/Amsterdam
                    one_time:
                      - {start: "2026-12-02T09:00", end: "2026-12-02T12:00"}
                """));
    ChangePolicy.Decision promotion =
        frozen.decide(change(Environment.PRODUCTION, Origin.promotion, null), true, WEDNESDAY);
    // 12:00 in Amsterdam is 11:00 UTC
    assertThat(promotion.held())
        .get()
        .asString()
        .contains("deploy freeze 'year-end'", "until 2026-12-02T11:00:00Z");
    assertThat(frozen.decide(change(Environment.STAGING, Origin.api, null), true, WEDNESDAY).goes())
        .isTrue();
    assertThat(
            frozen
                .decide(
                    change(Environment.PRODUCTION, Origin.api, null),
                    true,
                    Instant.parse("2026-12-02T11:00:00Z"))
                .goes())
        .as("the end is not in the window")
        .isTrue();
    assertThat(
            frozen
                .decide(change(Environment.PRODUCTION, Origin.api, "incident fix"), true, WEDNESDAY)
                .goes())
        .isTrue();
  }

  @Test
  void weeklyWindowsFreezeTheirDaysUpToMidnight() throws Exception {
    ChangePolicy weekends =
        new ChangePolicy(
            policy(
                """
                freeze_windows:
                  - name: weekends
                    environments: [production, staging]
                    weekly:
                      - {days: [saturday, sunday], start: "00:00", end: "24:00"}
                      - {days: [wednesday], start: "09:30", end: "10:30"}
                """));
    Instant saturdayNight = Instant.parse("2026-12-05T23:59:59Z");
    assertThat(
            weekends
                .decide(change(Environment.STAGING, Origin.api, null), true, saturdayNight)
                .held())
        .get()
        .asString()
        .contains("until 2026-12-06T00:00:00Z");
    assertThat(
            weekends.decide(change(Environment.STAGING, Origin.api, null), true, WEDNESDAY).held())
        .get()
        .asString()
        .contains("until 2026-12-02T10:30:00Z");
    assertThat(
            weekends
                .decide(
                    change(Environment.STAGING, Origin.api, null),
                    true,
                    Instant.parse("2026-12-03T10:00:00Z"))
                .goes())
        .isTrue();
  }

  @Test
  void aPolicyFileThatDoesNotReadNamesTheFieldAtFault() {
    assertThatThrownBy(
            () ->
                policy(
                    """
                    freeze_windows:
                      - name: w
                        environments: [prod]
                        one_time: [{start: "2026-12-24T00:00", end: "2026-12-25T00:00"}]
                    """))
        .hasMessageContaining("policy.yml: freeze_windows[0].environments");
    assertThatThrownBy(
            () ->
                policy(
                    """
                    freeze_windows:
                      - name: w
                        environments: [production]
                        one_time: [{start: "2026-12-24T00:00", end: "2026-12-23T00:00"}]
                    """))
        .hasMessageContaining("freeze_windows[0].one_time[0].end must be after start");
    assertThatThrownBy(
            () ->
                policy(
                    """
                    freeze_windows:
                      - name: w
                        environments: [production]
                        weekly: [{days: [caturday], start: "00:00", end: "24:00"}]
                    """))
        .hasMessageContaining("freeze_windows[0].weekly[0].days 'caturday' is not a day");
    assertThatThrownBy(
            () ->
                policy(
                    """
                    freeze_windows:
                      - name: w
                        environments: [production]
                    """))
        .hasMessageContaining("needs one_time or weekly windows");
  }
}
