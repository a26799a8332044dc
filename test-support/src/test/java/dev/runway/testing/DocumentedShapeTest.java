package dev.runway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DocumentedShapeTest {

  // A document in the shape SmallRye writes: schemas under components, problems as 4XX/5XX.
  private static final String DOCUMENT =
      """
      {"paths": {
        "/things/{name}": {"get": {"responses": {
          "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
          "4XX": {"$ref": "#/components/responses/Problem"},
          "5XX": {"content": {"application/problem+json": {"schema": {}}}}}}},
        "/bare": {"post": {"responses": {"200": {"description": "ok"}}}}},
       "components": {
        "responses": {"Problem": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}},
        "schemas": {
          "Thing": {"type": "object", "properties": {
            "name": {"type": "string"},
            "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "extra": {"type": "object"},
            "either": {"oneOf": [{"properties": {"a": {}}}, {"properties": {"b": {}}}]}}},
          "Part": {"type": "object", "properties": {"part_name": {"type": "string"}}}}}}
      """;

  private final DocumentedShape shape = DocumentedShape.of(read(DOCUMENT));

  @Test
  void shouldAcceptAnAnswerWhoseEveryFieldIsDocumented() throws IOException {
    String answer =
        """
        {"name": "x", "parts": [{"part_name": "p"}], "labels": {"any": "v"},
         "extra": {"free": 1}, "either": {"b": 2}}
        """;

    assertThat(shape.undocumentedFields("GET", "/things/{name}", "200", answer)).isEmpty();
  }

  @Test
  void shouldNameEachFieldTheSchemaLacksByItsPath() throws IOException {
    String answer =
        """
        {"name": "x", "colour": "red", "parts": [{"part_name": "p"}, {"partName": "camel"}],
         "either": {"c": 3}}
        """;

    assertThat(shape.undocumentedFields("GET", "/things/{name}", "200", answer))
        .containsExactlyInAnyOrder(
            "$.colour is not in the documented schema",
            "$.parts[1].partName is not in the documented schema",
            "$.either.c is not in the documented schema");
  }

  @Test
  void shouldSayWhenAnAnswerHasNoDocumentedSchema() throws IOException {
    assertThat(shape.undocumentedFields("GET", "/bare", "200", "{}"))
        .containsExactly("GET /bare 200: no application/json schema documented");
  }

  @Test
  void shouldFollowResponseReferencesAndReportWhatAnOperationLeavesOut() {
    JsonNode paths = shape.document().path("paths");

    assertThat(
            shape.undocumented("get", "/things/{name}", paths.path("/things/{name}").path("get")))
        .isEmpty();
    assertThat(shape.undocumented("post", "/bare", paths.path("/bare").path("post")))
        .containsExactly(
            "POST /bare: 200 documents no content",
            "POST /bare: 4XX is not documented as application/problem+json",
            "POST /bare: 5XX is not documented as application/problem+json");
  }

  private static JsonNode read(String json) {
    try {
      return WireJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
