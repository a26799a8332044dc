package dev.runway.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runway's one JSON wire format: snake_case fields, RFC 3339 times, map entries in key order, and
 * unknown fields ignored so that additive changes never break an older reader. Events, manifests,
 * inventories, JSON columns and the APIs' bodies all go through this mapper. It depends on nothing
 * else of Runway's, so every package may use it.
 */
public final class WireJson {
  private WireJson() {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The mapper that defines the wire format; share it rather than configure another. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes {@code value} to {@code file} aside and renames it into place, so a reader (a restarted
   * process, {@code runwayctl down}, a script) sees the old file or the new one, never half of one.
   */
  public static void writeAtomically(Path file, Object value) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      MAPPER.writeValue(temporary.toFile(), value);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
