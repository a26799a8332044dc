package dev.runway.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a problem response into lines a person can act on. */
public final class Problems {
  private Problems() {}

  public static String describe(String file, ApiClient.Answer answer) {
    JsonNode body = answer.body();
    if (body == null) {
      return "runwayctl: " + file + " refused with HTTP " + answer.status();
    }
    StringBuilder out =
        new StringBuilder(
            "runwayctl: "
                + file
                + " refused (HTTP "
                + answer.status()
                + "): "
                + body.path("title").asText());
    for (JsonNode error : body.path("errors")) {
      String where =
          error.has("line")
              ? file + ":" + error.path("line").asInt() + ":" + error.path("column").asInt()
              : file;
      String path = error.path("path").asText().replaceFirst("^\\$\\.?", "");
      out.append(System.lineSeparator())
          .append("  ")
          .append(where)
          .append(path.isEmpty() ? "" : " " + path)
          .append(": ")
          .append(error.path("message").asText());
    }
    if (body.hasNonNull("detail")) {
      out.append(System.lineSeparator()).append(body.path("detail").asText());
    }
    return out.toString();
  }
}
