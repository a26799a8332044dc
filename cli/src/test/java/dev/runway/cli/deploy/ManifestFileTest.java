package dev.runway.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runway.common.schema.ValidationFailed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestFileTest {

  private static final Path YAML = Path.of(".runway/runway-staging.yml");

  @Test
  void shouldReadTheServiceName() {
    assertThat(
            ManifestFile.serviceName(
                YAML, "apiVersion: runway/v1\nmetadata:\n  name: example-service\n"))
        .isEqualTo("example-service");
    assertThat(ManifestFile.serviceName(YAML, "apiVersion: runway/v1\nspec: {}\n")).isNull();
  }

  @Test
  void shouldReportAYamlSyntaxErrorAtItsLineAndColumnNotAsAMissingName() {
    // one key indented by a stray space: the manifest names its service, YAML cannot be read
    String stray =
        "apiVersion: runway/v1\nmetadata:\n  name: example-service\n   labels: {}\nspec: {}\n";

    ValidationFailed failed =
        catchThrowableOfType(ValidationFailed.class, () -> ManifestFile.serviceName(YAML, stray));

    assertThat(failed.problems()).hasSize(1);
    String line = failed.problems().get(0).describe(YAML.toString());
    assertThat(line).startsWith(".runway/runway-staging.yml:4:").contains("not valid YAML");
    assertThat(line).doesNotContain("metadata.name");
  }

  @Test
  void shouldReportAJsonSyntaxErrorAtItsLineAndColumn() {
    ValidationFailed failed =
        catchThrowableOfType(
            ValidationFailed.class,
            () -> ManifestFile.serviceName(Path.of("m.json"), "{\n  \"metadata\": {\n}"));

    assertThat(failed.problems().get(0).describe("m.json"))
        .startsWith("m.json:3:")
        .contains("not valid JSON");
  }
}
