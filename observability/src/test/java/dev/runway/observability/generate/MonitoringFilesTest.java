package dev.runway.observability.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.common.manifest.Environment;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.manifest.RunwayManifest;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.observability.slo.Objective;
import dev.runway.testing.DebianTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring holds the example service's generated alert rules and Grafana dashboard, made
 * from its manifests; they stay what the generators make (rewrite with -Dupdate.generated=true).
 */
class MonitoringFilesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theExampleServicesFilesAreGeneratedFromItsManifests() throws Exception {
    ManifestValidator validator = new ManifestValidator(RegionCatalogue.cloudRun());
    Map<Environment, Objective> objectives = new LinkedHashMap<>();
    Set<String> regions = new LinkedHashSet<>();
    for (Environment environment : Environment.ALL) {
      Path file = ROOT.resolve("examples/hello-service/.runway/runway-" + environment + ".yml");
      RunwayManifest manifest =
          validator.validate(Files.readString(file), file.toString(), Optional.empty());
      objectives.put(
          environment,
          new Objective(
              manifest.spec().slo().availability(), manifest.spec().slo().latencyThresholdMs()));
      regions.addAll(manifest.spec().regions());
    }
    String rules = PrometheusRules.forService("example-service", objectives);
    String dashboard =
        GrafanaDashboard.forService("example-service", objectives.keySet(), List.copyOf(regions));
    Path rulesFile = ROOT.resolve("deploy/monitoring/example-service.rules.yml");
    Path dashboardFile = ROOT.resolve("deploy/monitoring/example-service.dashboard.json");
    assertThat(expect(rulesFile, rules)).as("rerun with -Dupdate.generated=true").isEqualTo(rules);
    assertThat(expect(dashboardFile, dashboard))
        .as("rerun with -Dupdate.generated=true")
        .isEqualTo(dashboard);
    assertThat(
            DebianTools.run(
                ROOT,
                List.of(DebianTools.promtool().toString(), "check", "rules", rulesFile.toString())))
        .contains("SUCCESS: 44 rules found");
    assertThat(dashboard).contains("\"title\" : \"europe-west1\"", "\"title\" : \"us-west1\"");
  }

  private static String expect(Path file, String generated) throws Exception {
    if (Boolean.getBoolean("update.generated")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated);
    }
    assertThat(file).as(file + " is missing; run with -Dupdate.generated=true").exists();
    return Files.readString(file);
  }
}
