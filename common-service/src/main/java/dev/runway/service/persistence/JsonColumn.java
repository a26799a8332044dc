package dev.runway.service.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.runway.common.json.WireJson;

/** JSON kept in a text column, in the wire format of the events (snake_case, ISO times). */
public final class JsonColumn {
  private JsonColumn() {}

  public static String write(Object value) {
    try {
      return WireJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return WireJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + " column", e);
    }
  }

  public static <T> T read(String json, TypeReference<T> type) {
    try {
      return WireJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable column", e);
    }
  }
}
