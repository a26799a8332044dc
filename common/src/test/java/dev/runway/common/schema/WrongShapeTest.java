package dev.runway.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.inventory.InventoryValidator;
import dev.runway.common.manifest.ManifestValidator;
import dev.runway.common.regions.RegionCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A property over every path of a valid inventory and manifest: replace the value there with one of
 * another JSON type, and the document is refused with a problem at that path (or, when the parent's
 * shape is what breaks, at its parent), never accepted and never an escaping exception.
 */
class WrongShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One path in a document and the node there. */
  private record Site(String path, JsonNode parent, String field, int index) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aWrongTypeAnywhereInAnInventoryIsNamedByItsPath(long seed) throws Exception {
    JsonNode valid = JSON.readTree(Files.readString(Path.of("../examples/inventory.json")));
    InventoryValidator validator = new InventoryValidator(RegionCatalogue.cloudRun());
    checkEverySite(valid, seed, text -> validator.validate(text));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aWrongTypeAnywhereInAManifestIsNamedByItsPath(long seed) throws Exception {
    ManifestValidator validator = new ManifestValidator(RegionCatalogue.cloudRun());
    JsonNode valid =
        JSON.valueToTree(
            new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(
                    Files.readString(
                        Path.of("../examples/hello-service/.runway/runway-staging.yml"))));
    checkEverySite(
        valid, seed, text -> validator.validate(text, "runway-staging.json", Optional.empty()));
  }

  private static void checkEverySite(JsonNode valid, long seed, Consumer<String> validate)
      throws Exception {
    Random random = new Random(seed);
    List<Site> sites = new ArrayList<>();
    collect(valid, "$", sites);
    assertThat(sites).hasSizeGreaterThan(5);
    for (Site site : sites) {
      JsonNode document = valid.deepCopy();
      JsonNode original = at(document, site);
      JsonNode wrong = otherType(original, random);
      put(document, site, wrong);
      String text = JSON.writeValueAsString(document);
      Throwable refused = catchThrowable(() -> validate.accept(text));
      assertThat(refused)
          .as("%s replaced by %s must be refused:%n%s", site.path(), wrong, text)
          .isInstanceOf(ValidationFailed.class);
      List<String> paths =
          ((ValidationFailed) refused).problems().stream().map(Problem::path).toList();
      String parent = site.path().replaceFirst("(\\.[^.\\[]+|\\[\\d+])$", "");
      assertThat(paths)
          .as("%s replaced by %s: problems %s", site.path(), wrong, refused.getMessage())
          .anyMatch(p -> p.equals(site.path()) || p.equals(parent));
    }
  }

  private static void collect(JsonNode node, String path, List<Site> sites) {
    if (node instanceof ObjectNode object) {
      object
          .fields()
          .forEachRemaining(
              e -> {
                String child = path + "." + e.getKey();
                sites.add(new Site(child, object, e.getKey(), -1));
                collect(e.getValue(), child, sites);
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = path + "[" + i + "]";
        sites.add(new Site(child, array, null, i));
        collect(array.get(i), child, sites);
      }
    }
  }

  private static JsonNode at(JsonNode document, Site site) {
    return navigate(document, site.path());
  }

  private static void put(JsonNode document, Site site, JsonNode value) {
    String parentPath = site.path().replaceFirst("(\\.[^.\\[]+|\\[\\d+])$", "");
    JsonNode parent = navigate(document, parentPath);
    if (site.field() != null) {
      ((ObjectNode) parent).set(site.field(), value);
    } else {
      ((ArrayNode) parent).set(site.index(), value);
    }
  }

  private static JsonNode navigate(JsonNode document, String path) {
    JsonNode node = document;
    java.util.regex.Matcher step =
        java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(path.substring(1));
    while (step.find()) {
      node =
          step.group(1) != null
              ? node.get(step.group(1))
              : node.get(Integer.parseInt(step.group(2)));
    }
    return node;
  }

  /** A value of another JSON type than {@code original}'s, chosen at random. */
  private static JsonNode otherType(JsonNode original, Random random) {
    List<JsonNode> others = new ArrayList<>();
    if (!original.isObject()) {
      others.add(NODES.objectNode().put("unexpected", 1));
    }
    if (!original.isArray()) {
      others.add(NODES.arrayNode().add("unexpected"));
    }
    if (!original.isTextual()) {
      others.add(NODES.textNode("unexpected"));
    }
    if (!original.isNumber()) {
      others.add(NODES.numberNode(7));
    }
    if (!original.isBoolean()) {
      others.add(NODES.booleanNode(true));
    }
    others.add(NODES.nullNode());
    return others.get(random.nextInt(others.size()));
  }
}
