package dev.runway.common.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.JsonSchemaDocument;
import dev.runway.common.schema.LocatedDocument;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an inventory document against {@code inventory.schema.json}, then against what a schema
 * cannot say: regions must be real Cloud Run regions and each service may appear once.
 */
public final class InventoryValidator {

  /** Where the published schema lives on the classpath. */
  public static final String SCHEMA_RESOURCE = "/schemas/inventory.schema.json";

  private static final JsonSchemaDocument SCHEMA = JsonSchemaDocument.classpath(SCHEMA_RESOURCE);

  private final RegionCatalogue regions;

  public InventoryValidator(RegionCatalogue regions) {
    this.regions = regions;
  }

  /** The published JSON Schema text. */
  public static String schemaText() {
    return SCHEMA.text();
  }

  /**
   * Parses and validates an inventory.
   *
   * @throws ValidationFailed with every problem found, each naming its path
   */
  public Inventory validate(String json) {
    LocatedDocument located = LocatedDocument.parse(json, LocatedDocument.Format.JSON);
    List<Problem> problems = new ArrayList<>(SCHEMA.validate(located));
    catalogueProblems(located.root()).forEach(p -> problems.add(located.locate(p, null)));
    if (!problems.isEmpty()) {
      throw new ValidationFailed(problems);
    }
    return located.bind(Inventory.class);
  }

  private List<Problem> catalogueProblems(JsonNode document) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    // The schema has already named a list of the wrong shape; these checks read only what is a
    // list (size() and get() of an object would walk its fields, and get(i) be null).
    JsonNode services = document.path("inventory");
    if (!services.isArray()) {
      return problems;
    }
    for (int i = 0; i < services.size(); i++) {
      JsonNode service = services.get(i);
      JsonNode name = service.path("name");
      if (name.isTextual()) {
        Integer earlier = firstIndex.putIfAbsent(name.asText(), i);
        if (earlier != null) {
          problems.add(
              new Problem(
                  "$.inventory[" + i + "].name",
                  "service '"
                      + name.asText()
                      + "' is already listed at $.inventory["
                      + earlier
                      + "]; list each service once with all its regions"));
        }
      }
      JsonNode serviceRegions = service.path("regions");
      if (!serviceRegions.isArray()) {
        continue;
      }
      for (int r = 0; r < serviceRegions.size(); r++) {
        JsonNode region = serviceRegions.get(r);
        if (region.isTextual() && !regions.contains(region.asText())) {
          problems.add(
              new Problem(
                  "$.inventory[" + i + "].regions[" + r + "]",
                  "unknown Cloud Run region '"
                      + region.asText()
                      + "'; did you mean "
                      + String.join(", ", regions.closestNames(region.asText(), 3))
                      + "?"));
        }
      }
    }
    return problems;
  }
}
