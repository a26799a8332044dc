package dev.runway.common.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * A published JSON Schema (draft 2020-12) loaded from the classpath, validating documents into
 * {@link Problem}s whose messages say what is allowed, not just what failed.
 */
public final class JsonSchemaDocument {

  private final String resource;
  private final String text;
  private final JsonNode root;
  private final JsonSchema schema;

  private JsonSchemaDocument(String resource, String text) {
    this.resource = resource;
    this.text = text;
    try {
      this.root = WireJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(resource + " is not valid JSON", e);
    }
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(text, InputFormat.JSON);
  }

  /** Loads a schema shipped in a jar, such as {@code /schemas/inventory.schema.json}. */
  public static JsonSchemaDocument classpath(String resource) {
    try (InputStream in = JsonSchemaDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new JsonSchemaDocument(
          resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema itself, as published. */
  public String text() {
    return text;
  }

  /** Every schema violation, each placed at its line and column in the source. */
  public List<Problem> validate(LocatedDocument document) {
    return schema.validate(document.root()).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
        .map(
            m ->
                document.locate(
                    problem(m),
                    "additionalProperties".equals(m.getType()) ? m.getProperty() : null))
        .distinct()
        .sorted(
            Comparator.comparing((Problem p) -> p.line() == null ? 0 : p.line())
                .thenComparing(p -> p.column() == null ? 0 : p.column()))
        .toList();
  }

  private Problem problem(ValidationMessage m) {
    String path = m.getInstanceLocation().toString();
    JsonNode rule = m.getSchemaNode();
    JsonNode parent = schemaNodeAt(m);
    String message =
        switch (m.getType()) {
          case "required" -> {
            String field = m.getProperty();
            yield "missing required field '"
                + field
                + "'"
                + describe(parent.path("properties").path(field));
          }
          case "additionalProperties" -> {
            String field = m.getProperty();
            yield "unknown field '"
                + field
                + "'; allowed fields: "
                + String.join(", ", iterable(parent.path("properties").fieldNames()));
          }
          case "pattern" ->
              "must be "
                  + parent.path("description").asText("a match for " + rule.asText())
                  + ", got "
                  + m.getInstanceNode();
          case "type" -> "must be of type " + rule.asText() + ", got " + m.getInstanceNode();
          case "minimum", "maximum" -> range(parent, m);
          case "minItems" -> "must list at least " + rule.asText() + " item(s)";
          case "uniqueItems" ->
              "must not list the same value twice" + duplicate(m.getInstanceNode());
          case "enum" -> "must be one of " + rule + ", got " + m.getInstanceNode();
          case "const" -> "must be " + rule + ", got " + m.getInstanceNode();
          case "exclusiveMinimum" ->
              "must be more than " + rule.asText() + ", got " + m.getInstanceNode();
          case "exclusiveMaximum" ->
              "must be less than " + rule.asText() + ", got " + m.getInstanceNode();
          default -> m.getMessage().replaceFirst("^\\$[^:]*: ", "");
        };
    return new Problem(path, message);
  }

  /** Which value a list repeats, and where: {@code : us-east1 at [0] and [2]}. */
  static String duplicate(JsonNode list) {
    if (list == null || !list.isArray()) {
      return "";
    }
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        if (list.get(i).equals(list.get(j))) {
          JsonNode value = list.get(i);
          return ": "
              + (value.isTextual() ? value.asText() : value.toString())
              + " at ["
              + i
              + "] and ["
              + j
              + "]";
        }
      }
    }
    return "";
  }

  /** The schema object holding the keyword that failed (the keyword's parent). */
  private JsonNode schemaNodeAt(ValidationMessage m) {
    String pointer = m.getSchemaLocation().getFragment().toString();
    String parentPointer =
        pointer.contains("/") ? pointer.substring(0, pointer.lastIndexOf('/')) : "";
    if (parentPointer.startsWith("#")) {
      parentPointer = parentPointer.substring(1);
    }
    JsonNode node = root.at(parentPointer);
    return node.isMissingNode() ? root : node;
  }

  private static String range(JsonNode schema, ValidationMessage m) {
    JsonNode min = schema.get("minimum");
    JsonNode max = schema.get("maximum");
    String allowed =
        min != null && max != null
            ? min.asText() + ".." + max.asText()
            : min != null ? "at least " + min.asText() : "at most " + max.asText();
    return "must be " + allowed + ", got " + m.getInstanceNode();
  }

  private static String describe(JsonNode property) {
    String description = property.path("description").asText("");
    return description.isEmpty() ? "" : " (" + description + ")";
  }

  private static Iterable<String> iterable(java.util.Iterator<String> names) {
    return () -> names;
  }

  @Override
  public String toString() {
    return resource;
  }
}
