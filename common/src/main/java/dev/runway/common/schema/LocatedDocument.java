package dev.runway.common.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML document read into a tree that remembers where every value and every field name
 * stood, so that a problem found by path can be reported at its line and column.
 */
public final class LocatedDocument {

  /** The source formats a document can be read from. */
  public enum Format {
    JSON,
    YAML
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final JsonNode root;
  private final Map<String, JsonLocation> values = new HashMap<>();
  private final Map<String, JsonLocation> keys = new HashMap<>();

  private LocatedDocument(JsonParser parser) throws IOException {
    if (parser.nextToken() == null) {
      throw new ValidationFailed(List.of(new Problem("$", "the document is empty")));
    }
    root = read(parser, "$");
  }

  /**
   * Reads a document.
   *
   * @throws ValidationFailed with the line and column of a syntax error
   */
  public static LocatedDocument parse(String text, Format format) {
    JsonParser parser;
    try {
      parser = (format == Format.YAML ? YAML : JSON).createParser(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (parser) {
      return new LocatedDocument(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      String kind = format == Format.YAML ? "YAML" : "JSON";
      Problem problem =
          new Problem("$", "not valid " + kind + ": " + firstLine(e.getOriginalMessage()));
      throw new ValidationFailed(
          List.of(at == null ? problem : problem.at(at.getLineNr(), at.getColumnNr())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode root() {
    return root;
  }

  /**
   * The document as {@code type}, once it has passed its checks. A value the schema allows and Java
   * cannot hold (a number beyond a long, say) is refused at its path like any other problem, not
   * thrown as the binder's exception.
   */
  public <T> T bind(Class<T> type) {
    try {
      return WireJson.mapper().convertValue(root, type);
    } catch (IllegalArgumentException e) {
      String path = "$";
      String why = e.getMessage();
      if (e.getCause() instanceof JsonMappingException binding) {
        StringBuilder at = new StringBuilder("$");
        for (JsonMappingException.Reference step : binding.getPath()) {
          if (step.getFieldName() != null) {
            at.append('.').append(step.getFieldName());
          } else if (step.getIndex() >= 0) {
            at.append('[').append(step.getIndex()).append(']');
          }
        }
        path = at.toString();
        why = binding.getOriginalMessage();
      }
      throw new ValidationFailed(
          List.of(locate(new Problem(path, "cannot be read: " + firstLine(why)), null)));
    }
  }

  /**
   * Places a problem: at its value, or for a field that should not be there at the field's name, or
   * where nothing stands at the path (a missing field) at the nearest enclosing value.
   */
  public Problem locate(Problem problem, String unknownField) {
    JsonLocation at = unknownField == null ? null : keys.get(problem.path() + "." + unknownField);
    String path = problem.path();
    while (at == null && path != null) {
      at = values.get(path);
      path = parent(path);
    }
    return at == null ? problem : problem.at(at.getLineNr(), at.getColumnNr());
  }

  private JsonNode read(JsonParser parser, String path) throws IOException {
    values.put(path, parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = path + "." + name;
          keys.put(child, parser.currentTokenLocation());
          parser.nextToken();
          object.set(name, read(parser, child));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, path + "[" + index++ + "]"));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? NODES.numberNode(parser.getBigIntegerValue())
            : NODES.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        try {
          return NODES.numberNode(parser.getDecimalValue());
        } catch (NumberFormatException tooLarge) {
          JsonLocation at = parser.currentTokenLocation();
          throw new ValidationFailed(
              List.of(
                  new Problem(path, "is a number too large to read: " + parser.getText())
                      .at(at.getLineNr(), at.getColumnNr())));
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(parser.getBooleanValue());
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        // a YAML tag such as !!binary makes a value no JSON type can hold
        JsonLocation at = parser.currentTokenLocation();
        throw new ValidationFailed(
            List.of(
                new Problem(
                        path,
                        "is not a string, number, boolean, list or map (a YAML tag such as"
                            + " !!binary?); write it as plain text or a number")
                    .at(at.getLineNr(), at.getColumnNr())));
      }
    }
  }

  private static String parent(String path) {
    if (path.equals("$")) {
      return null;
    }
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "$" : path.substring(0, cut);
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}
