package dev.runway.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.schema.LocatedDocument;
import dev.runway.common.schema.ValidationFailed;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file runwayctl reads, parsed with the same located parser the services use (YAML, or JSON for
 * {@code .json}), so a syntax error is reported at {@code file:line:column} with the parser's own
 * message before any field is looked at or anything is sent.
 */
public final class LocatedFile {
  private LocatedFile() {}

  /** The document's root; a syntax error is thrown with its line and column. */
  public static JsonNode root(Path file, String text) {
    LocatedDocument.Format format =
        file.toString().endsWith(".json")
            ? LocatedDocument.Format.JSON
            : LocatedDocument.Format.YAML;
    return LocatedDocument.parse(text, format).root();
  }

  /** The document's root, or empty after printing every syntax error in it. */
  public static Optional<JsonNode> parse(Path file, String text) {
    try {
      return Optional.of(root(file, text));
    } catch (ValidationFailed syntax) {
      syntax
          .problems()
          .forEach(p -> System.err.println("runwayctl: " + p.describe(file.toString())));
      return Optional.empty();
    }
  }
}
