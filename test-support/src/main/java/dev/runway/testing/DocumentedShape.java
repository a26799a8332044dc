package dev.runway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Holds a service's real answers and its OpenAPI document to each other: every field of an answer
 * must be a property of the schema the document gives for it (so a document that names fields in
 * camelCase while the wire is snake_case, or misses a field, is caught), and every operation must
 * document its success with a schema and its errors as problems. What {@code runwayctl} and the
 * dashboard read is then what the document says.
 */
public final class DocumentedShape {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final JsonNode document;

  private DocumentedShape(JsonNode document) {
    this.document = document;
  }

  /** The document {@code base} serves at {@code /q/openapi}. */
  public static DocumentedShape of(String base) throws IOException, InterruptedException {
    HttpResponse<String> doc =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (doc.statusCode() != 200) {
      throw new IOException("GET /q/openapi answered " + doc.statusCode());
    }
    return new DocumentedShape(WireJson.mapper().readTree(doc.body()));
  }

  /** A document already read, {@code /q/openapi}'s JSON. */
  static DocumentedShape of(JsonNode document) {
    return new DocumentedShape(document);
  }

  JsonNode document() {
    return document;
  }

  /**
   * What the document leaves out of an operation: a success without a schema, errors that are not
   * problems.
   */
  List<String> undocumented(String method, String path, JsonNode operation) {
    List<String> missing = new ArrayList<>();
    String at = method.toUpperCase() + " " + path + ": ";
    JsonNode responses = operation.path("responses");
    boolean success = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      if (!response.getKey().startsWith("2")) {
        continue;
      }
      success = true;
      JsonNode content = resolve(response.getValue()).path("content");
      for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
        Map.Entry<String, JsonNode> type = types.next();
        if (type.getValue().path("schema").isEmpty()) {
          missing.add(at + response.getKey() + " " + type.getKey() + " has no schema");
        }
      }
      if (content.isEmpty() && !response.getKey().equals("204")) {
        missing.add(at + response.getKey() + " documents no content");
      }
    }
    if (!success) {
      missing.add(at + "no 2xx response");
    }
    for (String range : List.of("4XX", "5XX")) {
      JsonNode problem = resolve(responses.path(range)).path("content");
      if (problem.path("application/problem+json").isMissingNode()) {
        missing.add(at + range + " is not documented as application/problem+json");
      }
    }
    return missing;
  }

  /**
   * The fields of {@code body}, the answer of {@code method path} (the path as the document names
   * it, with its {@code {parameters}}), that its documented schema does not have, by JSON path.
   */
  public List<String> undocumentedFields(String method, String path, String status, String body)
      throws IOException {
    JsonNode schema =
        document.path("paths").path(path).path(method.toLowerCase()).path("responses").path(status);
    schema = resolve(schema).path("content").path("application/json").path("schema");
    List<String> out = new ArrayList<>();
    if (schema.isMissingNode()) {
      out.add(method + " " + path + " " + status + ": no application/json schema documented");
      return out;
    }
    fields(WireJson.mapper().readTree(body), schema, "$", out);
    return out;
  }

  private void fields(JsonNode value, JsonNode schema, String path, List<String> out) {
    schema = resolve(schema);
    if (value.isArray()) {
      JsonNode items = schema.path("items");
      for (int i = 0; i < Math.min(value.size(), 20) && !items.isMissingNode(); i++) {
        fields(value.get(i), items, path + "[" + i + "]", out);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    List<JsonNode> branches = new ArrayList<>();
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      schema.path(combinator).forEach(b -> branches.add(resolve(b)));
    }
    if (branches.isEmpty()) {
      branches.add(schema);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode property = null;
      boolean free = false;
      for (JsonNode branch : branches) {
        JsonNode declared = branch.path("properties").path(field.getKey());
        if (!declared.isMissingNode()) {
          property = declared;
          break;
        }
        JsonNode additional = branch.path("additionalProperties");
        if (additional.isObject()) {
          property = additional;
          break;
        }
        free |= additional.asBoolean(false) || branch.path("properties").isMissingNode();
      }
      if (property != null) {
        fields(field.getValue(), property, path + "." + field.getKey(), out);
      } else if (!free) {
        out.add(path + "." + field.getKey() + " is not in the documented schema");
      }
    }
  }

  /** A schema or response with its {@code $ref}s followed. */
  private JsonNode resolve(JsonNode schema) {
    JsonNode node = schema;
    for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
      String ref = node.get("$ref").asText();
      node = document.at(ref.substring(1));
    }
    return node;
  }
}
