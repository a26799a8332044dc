package dev.runway.common.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.JsonSchemaDocument;
import dev.runway.common.schema.LocatedDocument;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a manifest (YAML, or JSON for a .json file) and checks it against {@code
 * runway-v1.schema.json} and what a schema cannot say: real regions, regions the service has been
 * provisioned in, rising traffic steps, waves that cover the regions. Every problem is placed at
 * its line and column.
 */
public final class ManifestValidator {

  /** Where the published schema lives on the classpath. */
  public static final String SCHEMA_RESOURCE = "/schemas/runway-v1.schema.json";

  private static final JsonSchemaDocument SCHEMA = JsonSchemaDocument.classpath(SCHEMA_RESOURCE);

  private final RegionCatalogue catalogue;

  public ManifestValidator(RegionCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public static String schemaText() {
    return SCHEMA.text();
  }

  /** The largest manifest accepted, in bytes of UTF-8, from the API, the CLI or GitLab. */
  public static final int MAX_BYTES = 128 * 1024;

  /**
   * Validates a manifest.
   *
   * @param text the file's content
   * @param file its name, which decides YAML or JSON
   * @param provisioned the service's provisioned regions, or empty when not known
   * @throws ValidationFailed with every problem, each with line and column
   */
  public RunwayManifest validate(String text, String file, Optional<Set<String>> provisioned) {
    int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      // Refused before parsing: every event that carries the manifest must fit on the bus, and a
      // parser should not be handed whatever a fork's merge request contains.
      throw new ValidationFailed(
          List.of(
              new Problem(
                  "$",
                  "is "
                      + bytes
                      + " bytes; a manifest may have at most "
                      + MAX_BYTES
                      + " (128 KiB): move large data out of spec.env into the service's own"
                      + " configuration")));
    }
    LocatedDocument document =
        LocatedDocument.parse(
            text,
            file.endsWith(".json") ? LocatedDocument.Format.JSON : LocatedDocument.Format.YAML);
    List<Problem> problems = new ArrayList<>(SCHEMA.validate(document));
    if (problems.isEmpty()) {
      semanticProblems(document.root(), provisioned)
          .forEach(p -> problems.add(document.locate(p, null)));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailed(problems);
    }
    return document.bind(RunwayManifest.class);
  }

  private List<Problem> semanticProblems(JsonNode root, Optional<Set<String>> provisioned) {
    List<Problem> problems = new ArrayList<>();
    JsonNode spec = root.path("spec");
    Set<String> regions = new HashSet<>();
    JsonNode regionList = spec.path("regions");
    for (int i = 0; i < regionList.size(); i++) {
      String region = regionList.get(i).asText();
      regions.add(region);
      String path = "$.spec.regions[" + i + "]";
      if (!catalogue.contains(region)) {
        problems.add(
            new Problem(
                path,
                "unknown Cloud Run region '"
                    + region
                    + "'; did you mean "
                    + String.join(", ", catalogue.closestNames(region, 3))
                    + "?"));
      } else if (provisioned.isPresent() && !provisioned.get().contains(region)) {
        problems.add(
            new Problem(
                path,
                "region '"
                    + region
                    + "' is not provisioned for this service; provisioned: "
                    + String.join(", ", new TreeSet<>(provisioned.get()))
                    + " (add it to the inventory first)"));
      }
    }
    JsonNode steps = spec.path("rollout").path("steps");
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).asInt() <= steps.get(i - 1).asInt()) {
        problems.add(
            new Problem(
                "$.spec.rollout.steps[" + i + "]",
                "steps must rise, got "
                    + steps.get(i).asInt()
                    + " after "
                    + steps.get(i - 1).asInt()));
      }
    }
    if (!steps.isEmpty() && steps.get(steps.size() - 1).asInt() != 100) {
      problems.add(
          new Problem(
              "$.spec.rollout.steps[" + (steps.size() - 1) + "]",
              "the last step must be 100, got " + steps.get(steps.size() - 1).asInt()));
    }
    JsonNode scaling = spec.path("scaling");
    if (scaling.has("min_instances")
        && scaling.has("max_instances")
        && scaling.get("min_instances").asInt() > scaling.get("max_instances").asInt()) {
      problems.add(
          new Problem(
              "$.spec.scaling.min_instances",
              "must not exceed max_instances ("
                  + scaling.get("max_instances").asInt()
                  + "), got "
                  + scaling.get("min_instances").asInt()));
    }
    problems.addAll(waveProblems(spec, regions));
    return problems;
  }

  private static List<Problem> waveProblems(JsonNode spec, Set<String> regions) {
    List<Problem> problems = new ArrayList<>();
    JsonNode rollout = spec.path("rollout");
    JsonNode waves = rollout.path("waves");
    if (waves.isMissingNode()) {
      return problems;
    }
    if (!"regional".equals(rollout.path("strategy").asText())) {
      problems.add(new Problem("$.spec.rollout.waves", "waves apply only to strategy: regional"));
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (int w = 0; w < waves.size(); w++) {
      for (int r = 0; r < waves.get(w).size(); r++) {
        String region = waves.get(w).get(r).asText();
        String path = "$.spec.rollout.waves[" + w + "][" + r + "]";
        if (!regions.contains(region)) {
          problems.add(new Problem(path, "region '" + region + "' is not in spec.regions"));
        } else if (!seen.add(region)) {
          problems.add(new Problem(path, "region '" + region + "' is already in an earlier wave"));
        }
      }
    }
    Set<String> missing = new TreeSet<>(regions);
    missing.removeAll(seen);
    if (!missing.isEmpty()) {
      problems.add(
          new Problem(
              "$.spec.rollout.waves",
              "every region needs a wave; missing: " + String.join(", ", missing)));
    }
    return problems;
  }
}
