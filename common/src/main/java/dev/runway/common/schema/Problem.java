package dev.runway.common.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a document.
 *
 * @param path where, as a JSON path ({@code $.inventory[0].regions[1]})
 * @param message what is wrong and what is allowed instead
 * @param line the 1-based line in the source text, when known
 * @param column the 1-based column in the source text, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String path, String message, Integer line, Integer column) {

  public Problem(String path, String message) {
    this(path, message, null, null);
  }

  /** The same problem, placed at a line and column. */
  public Problem at(int line, int column) {
    return new Problem(path, message, line, column);
  }

  /** As a compiler would print it: {@code file:line:column path: message}. */
  public String describe(String file) {
    String where = line == null ? file : file + ":" + line + ":" + column;
    String field = path.replaceFirst("^\\$\\.?", "");
    return field.isEmpty() ? where + ": " + message : where + " " + field + ": " + message;
  }

  @Override
  public String toString() {
    return line == null ? path + ": " + message : line + ":" + column + " " + path + ": " + message;
  }
}
