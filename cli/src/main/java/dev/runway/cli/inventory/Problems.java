package dev.runway.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.client.ApiClient;

/** Turns a problem response into lines a person can act on. */
final class Problems {
  private Problems() {}

  static String describe(String file, ApiClient.Answer answer) {
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
      out.append(System.lineSeparator())
          .append("  ")
          .append(file)
          .append(' ')
          .append(error.path("path").asText())
          .append(": ")
          .append(error.path("message").asText());
    }
    if (body.hasNonNull("detail")) {
      out.append(System.lineSeparator()).append(body.path("detail").asText());
    }
    return out.toString();
  }
}
