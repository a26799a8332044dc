package dev.runway.common.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

  private static final String FILE = ".runway/runway-production.yml";
  private static final Optional<Set<String>> PROVISIONED =
      Optional.of(Set.of("europe-west1", "us-east1", "us-west1"));

  private final ManifestValidator validator = new ManifestValidator(RegionCatalogue.cloudRun());

  private static String manifest(String specExtra) {
    return """
        apiVersion: runway/v1
        kind: RunwayService
        metadata:
          name: example-service
        spec:
          image: registry.example.com/example-service:1a2b3c4
          container_port: 8181
          regions: [us-east1, us-west1, europe-west1]
        """
        + specExtra;
  }

  private List<String> errors(String text) {
    ValidationFailed failed =
        catchThrowableOfType(
            ValidationFailed.class, () -> validator.validate(text, FILE, PROVISIONED));
    assertThat(failed).as("expected the manifest to be refused:%n%s", text).isNotNull();
    return failed.problems().stream().map(p -> p.describe(FILE)).toList();
  }

  @Test
  void shouldRefuseAManifestTooLargeToCarryOnTheBusBeforeParsingIt() {
    String huge =
        manifest("  env:\n    BLOB: \"" + "x".repeat(ManifestValidator.MAX_BYTES) + "\"\n");
    assertThat(errors(huge)).singleElement().asString().contains("at most 131072 (128 KiB)");
  }

  @Test
  void shouldRefuseATaggedValueNoJsonTypeHoldsAtItsLine() {
    // found by ParsersFuzzTest: it was an IllegalStateException, a 500
    assertThat(
            errors(manifest("").replace("container_port: 8181", "container_port: !!binary 8181")))
        .singleElement()
        .asString()
        .startsWith(FILE + ":7:19 spec.container_port:")
        .contains("!!binary");
  }

  @Test
  void shouldReadTheSeedManifestWithEveryDefault() {
    RunwayManifest m = validator.validate(manifest(""), FILE, PROVISIONED);

    assertThat(m.metadata().name()).isEqualTo("example-service");
    assertThat(m.spec().containerPort()).isEqualTo(8181);
    assertThat(m.spec().regions()).containsExactly("us-east1", "us-west1", "europe-west1");
    assertThat(m.spec().env()).isEmpty();
    assertThat(m.spec().resources()).isEqualTo(new RunwayManifest.Resources("1", "512Mi"));
    assertThat(m.spec().scaling()).isEqualTo(new RunwayManifest.Scaling(0, 10));
    assertThat(m.spec().health().readinessPath()).isEqualTo("/healthz");
    assertThat(m.spec().slo()).isEqualTo(new RunwayManifest.Slo(99.9, 1024));
    assertThat(m.spec().rollout().strategy()).isEqualTo(RunwayManifest.Strategy.gradual);
    assertThat(m.spec().rollout().steps()).containsExactly(25, 50, 75, 100);
    assertThat(m.spec().rollout().bakeDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(m.spec().rollout().onBreach()).isEqualTo(RunwayManifest.OnBreach.region);
    assertThat(m.spec().local().command()).isEmpty();
  }

  @Test
  void shouldReadEveryOptionalSection() {
    RunwayManifest m =
        validator.validate(
            manifest(
                """
                  env: { MODEL: code-gecko, LOG_LEVEL: info }
                  resources: { cpu: "2", memory: 1Gi }
                  scaling: { min_instances: 1, max_instances: 20 }
                  health: { readiness_path: /ready }
                  slo: { availability: 99.5, latency_threshold_ms: 500 }
                  rollout:
                    strategy: regional
                    steps: [10, 100]
                    bake_time: 2m
                    waves: [[us-east1], [us-west1, europe-west1]]
                    on_breach: halt
                  local: { command: [java, -jar, hello.jar] }
                """),
            FILE,
            PROVISIONED);

    assertThat(m.spec().env()).isEqualTo(Map.of("MODEL", "code-gecko", "LOG_LEVEL", "info"));
    assertThat(m.spec().resources()).isEqualTo(new RunwayManifest.Resources("2", "1Gi"));
    assertThat(m.spec().rollout().waves())
        .containsExactly(List.of("us-east1"), List.of("us-west1", "europe-west1"));
    assertThat(m.spec().rollout().bakeDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(m.spec().local().command()).containsExactly("java", "-jar", "hello.jar");
  }

  @Test
  void shouldNameFileLineColumnAndPathOfAnOutOfRangePort() {
    String text = manifest("").replace("container_port: 8181", "container_port: 0");

    assertThat(errors(text))
        .containsExactly(FILE + ":7:19 spec.container_port: must be 1..65535, got 0");
  }

  @Test
  void shouldPointAtAnUnknownFieldByItsName() {
    assertThat(errors(manifest("  replicas: 3\n")))
        .singleElement()
        .asString()
        .startsWith(
            FILE
                + ":9:3 spec: unknown field 'replicas'; allowed fields: image, container_port, regions");
  }

  @Test
  void shouldSayWhichRegionsAreProvisioned() {
    String text =
        manifest("").replace("[us-east1, us-west1, europe-west1]", "[us-east1, asia-east1]");

    assertThat(errors(text))
        .containsExactly(
            FILE
                + ":8:23 spec.regions[1]: region 'asia-east1' is not provisioned for this service;"
                + " provisioned: europe-west1, us-east1, us-west1 (add it to the inventory first)");
  }

  @Test
  void shouldSuggestRealRegions() {
    String text = manifest("").replace("europe-west1]", "europe-wset1]");

    assertThat(errors(text)).singleElement().asString().contains("did you mean europe-west1");
  }

  @Test
  void shouldRequireTheKindAndVersion() {
    String text =
        manifest("")
            .replace("runway/v1", "runway/v2")
            .replace("kind: RunwayService", "kind: Service");

    assertThat(errors(text))
        .containsExactly(
            FILE + ":1:13 apiVersion: must be \"runway/v1\", got \"runway/v2\"",
            FILE + ":2:7 kind: must be \"RunwayService\", got \"Service\"");
  }

  @Test
  void shouldRefuseStepsThatDoNotRiseToOneHundred() {
    assertThat(errors(manifest("  rollout: { steps: [50, 25, 90] }\n")))
        .containsExactly(
            FILE + ":9:26 spec.rollout.steps[1]: steps must rise, got 25 after 50",
            FILE + ":9:30 spec.rollout.steps[2]: the last step must be 100, got 90");
  }

  @Test
  void shouldRefuseWavesThatMissARegion() {
    assertThat(
            errors(
                manifest("  rollout: { strategy: regional, waves: [[us-east1], [us-west1]] }\n")))
        .singleElement()
        .asString()
        .endsWith("spec.rollout.waves: every region needs a wave; missing: europe-west1");
  }

  @Test
  void shouldRefuseReservedAndMalformedValues() {
    assertThat(errors(manifest("  env: { RUNWAY_REGION: x }\n  resources: { memory: lots }\n")))
        .hasSize(2)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "spec.resources.memory: must be memory per instance such as 512Mi or 2Gi, got \"lots\""))
        .anySatisfy(e -> assertThat(e).contains("spec.env"));
  }

  @Test
  void shouldPlaceAYamlSyntaxError() {
    assertThat(errors("apiVersion: runway/v1\nspec:\n  image: [unclosed\n"))
        .singleElement()
        .asString()
        .startsWith(FILE + ":3:")
        .contains(": not valid YAML");
  }

  @Test
  void shouldReadJsonToo() {
    String json =
        "{\"apiVersion\":\"runway/v1\",\"kind\":\"RunwayService\",\"metadata\":{\"name\":\"s\"},"
            + "\"spec\":{\"image\":\"r.example.com/s:1\",\"container_port\":8080,\"regions\":[\"us-east1\"]}}";

    assertThat(
            validator
                .validate(json, "runway-staging.json", Optional.empty())
                .spec()
                .containerPort())
        .isEqualTo(8080);
  }

  @Test
  void shouldAcceptTheExampleServicesManifests() throws Exception {
    java.nio.file.Path root =
        java.nio.file.Path.of(System.getProperty("repo.root", ".."))
            .resolve("examples/hello-service/.runway");
    for (String environment : List.of("staging", "production")) {
      java.nio.file.Path file = root.resolve("runway-" + environment + ".yml");

      RunwayManifest m =
          validator.validate(java.nio.file.Files.readString(file), file.toString(), PROVISIONED);

      assertThat(m.metadata().name()).isEqualTo("example-service");
      assertThat(m.spec().regions())
          .containsExactlyInAnyOrder("europe-west1", "us-east1", "us-west1");
    }
  }

  @Test
  void shouldPublishTheSameSchemaInDocs() throws Exception {
    java.nio.file.Path docs =
        java.nio.file.Path.of(System.getProperty("repo.root", ".."))
            .resolve("docs/runway-v1.schema.json");

    assertThat(java.nio.file.Files.readString(docs))
        .as("docs/runway-v1.schema.json must equal the schema the validator uses; copy it over")
        .isEqualTo(ManifestValidator.schemaText());
  }

  @Test
  void shouldParseDurations() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class, () -> Durations.parse("5 minutes")))
        .isNotNull();
  }

  @Test
  void shouldLeaveUnlocatedProblemsReadable() {
    assertThat(new Problem("$.spec", "x").describe("f.yml")).isEqualTo("f.yml spec: x");
  }
}
