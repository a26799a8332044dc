package dev.runway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Authenticated calls to Runway's APIs, as the benchmarks make them. */
final class ApiCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  ApiCalls(String token) {
    this.token = token;
  }

  /** POSTs; returns 409 for the caller to retry, fails on any other non-2xx. */
  int post(String url, String contentType, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
      throw new IllegalStateException(
          "POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.statusCode();
  }
}
