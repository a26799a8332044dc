package dev.runway.common.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runway.common.regions.RegionCatalogue;
import dev.runway.common.schema.Problem;
import dev.runway.common.schema.ValidationFailed;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryValidatorTest {

  private final InventoryValidator validator = new InventoryValidator(RegionCatalogue.cloudRun());

  /** The problems found, without their line and column (see shouldPlaceEveryProblem). */
  private List<Problem> problems(String json) {
    return located(json).stream().map(p -> new Problem(p.path(), p.message())).toList();
  }

  private List<Problem> located(String json) {
    ValidationFailed failed =
        catchThrowableOfType(ValidationFailed.class, () -> validator.validate(json));
    assertThat(failed).as("expected %s to be refused", json).isNotNull();
    return failed.problems();
  }

  @Test
  void shouldPlaceEveryProblemAtItsLineAndColumn() {
    List<Problem> problems =
        located(
            """
            {"inventory": [
              {"name": "a", "project_id": 0,
               "regions": ["us-east1", "mars-north1"], "extra": 1},
              {"name": "b"}
            ]}
            """);

    assertThat(problems)
        .extracting(p -> p.path() + " @" + p.line() + ":" + p.column())
        .containsExactlyInAnyOrder(
            "$.inventory[0].project_id @2:31",
            "$.inventory[0] @3:44",
            "$.inventory[0].regions[1] @3:28",
            "$.inventory[1] @4:3",
            "$.inventory[1] @4:3");
  }

  @Test
  void shouldAcceptTheSeedInventory() {
    Inventory inventory =
        validator.validate(
            """
            {"inventory":[{"name":"example-service","project_id":46267196,
              "regions":["europe-west1","us-east1","us-west1"]}]}
            """);

    assertThat(inventory.inventory())
        .containsExactly(
            new InventoryService(
                "example-service", 46267196, List.of("europe-west1", "us-east1", "us-west1")));
  }

  @Test
  void shouldRefuseANumberJavaCannotHoldAtItsPath() {
    // found by ParsersFuzzTest: both escaped the validator as exceptions
    assertThat(
            problems(
                "{\"inventory\":[{\"name\":\"a\",\"project_id\":99999999999999999999999,"
                    + "\"regions\":[\"us-east1\"]}]}"))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("$.inventory[0].project_id"))
        .satisfies(p -> assertThat(p.message()).contains("out of range of long"));
    assertThat(
            problems(
                "{\"inventory\":[{\"name\":\"a\",\"project_id\":1e99999999999,"
                    + "\"regions\":[\"us-east1\"]}]}"))
        .extracting(Problem::path)
        .contains("$.inventory[0].project_id");
  }

  @Test
  void shouldAcceptAnEmptyInventory() {
    assertThat(validator.validate("{\"inventory\":[]}").inventory()).isEmpty();
  }

  @Test
  void shouldNameTheClosestRealRegionsForAnUnknownOne() {
    assertThat(
            problems(
                "{\"inventory\":[{\"name\":\"a\",\"project_id\":1,\"regions\":[\"us-east1\",\"europe-wst1\"]}]}"))
        .containsExactly(
            new Problem(
                "$.inventory[0].regions[1]",
                "unknown Cloud Run region 'europe-wst1'; did you mean europe-west1, europe-west2, europe-west3?"));
  }

  @Test
  void shouldExplainAnInvalidServiceName() {
    assertThat(
            problems(
                "{\"inventory\":[{\"name\":\"Bad_Name\",\"project_id\":1,\"regions\":[\"us-east1\"]}]}"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("$.inventory[0].name");
              assertThat(p.message())
                  .startsWith("must be a Cloud Run service name")
                  .endsWith("got \"Bad_Name\"");
            });
  }

  @Test
  void shouldRejectUnknownFieldsAndListTheAllowedOnes() {
    assertThat(
            problems(
                "{\"inventory\":[{\"name\":\"a\",\"project_id\":1,\"regions\":[\"us-east1\"],\"region\":\"x\"}]}"))
        .containsExactly(
            new Problem(
                "$.inventory[0]",
                "unknown field 'region'; allowed fields: name, project_id, regions"));
    assertThat(problems("{\"inventory\":[],\"services\":[]}"))
        .containsExactly(new Problem("$", "unknown field 'services'; allowed fields: inventory"));
  }

  @Test
  void shouldNameEveryMissingField() {
    assertThat(problems("{\"inventory\":[{\"name\":\"a\"}]}"))
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("missing required field 'project_id'"))
        .anySatisfy(m -> assertThat(m).startsWith("missing required field 'regions'"));
    assertThat(problems("{}"))
        .containsExactly(
            new Problem("$", "missing required field 'inventory' (One entry per service.)"));
  }

  @Test
  void shouldRejectDuplicateRegionsAndServices() {
    assertThat(
            problems(
                """
                {"inventory":[
                  {"name":"a","project_id":1,"regions":["us-east1","us-east1"]},
                  {"name":"a","project_id":2,"regions":["us-west1"]}]}
                """))
        .containsExactlyInAnyOrder(
            new Problem(
                "$.inventory[0].regions",
                "must not list the same value twice: us-east1 at [0] and [1]"),
            new Problem(
                "$.inventory[1].name",
                "service 'a' is already listed at $.inventory[0]; list each service once with all its regions"));
  }

  @Test
  void shouldRejectWrongTypesAndRanges() {
    assertThat(problems("{\"inventory\":[{\"name\":\"a\",\"project_id\":\"46\",\"regions\":[]}]}"))
        .containsExactlyInAnyOrder(
            new Problem("$.inventory[0].project_id", "must be of type integer, got \"46\""),
            new Problem("$.inventory[0].regions", "must list at least 1 item(s)"));
    assertThat(
            problems(
                "{\"inventory\":[{\"name\":\"a\",\"project_id\":0,\"regions\":[\"us-east1\"]}]}"))
        .containsExactly(new Problem("$.inventory[0].project_id", "must be at least 1, got 0"));
  }

  @Test
  void shouldPointAtTheLineOfASyntaxError() {
    assertThat(located("{\"inventory\": [\n  {\"name\": \"a\",,}\n]}"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("$");
              assertThat(p.message()).startsWith("not valid JSON");
              assertThat(p.line()).isEqualTo(2);
            });
    assertThat(problems("")).containsExactly(new Problem("$", "the document is empty"));
  }
}
