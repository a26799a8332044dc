package dev.runway.common.schema;

/**
 * One thing wrong with a document.
 *
 * @param path where, as a JSON path ({@code $.inventory[0].regions[1]})
 * @param message what is wrong and what is allowed instead
 */
public record Problem(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
