package dev.runway.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.cli.platform.HttpClients;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the services' APIs. */
public final class ApiClient {

  private final HttpClient http =
      HttpClients.builder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final Endpoints endpoints;

  public ApiClient(String baseUrl, Endpoints endpoints) {
    this.baseUrl = baseUrl;
    this.endpoints = endpoints;
  }

  /** The answer to a request: its status and JSON body (null when it had none). */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  public Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Answer post(String path, String json) throws IOException, InterruptedException {
    return post(path, json, "application/json");
  }

  public Answer post(String path, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    endpoints.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          body == null || body.isBlank() ? null : WireJson.mapper().readTree(body));
    } catch (ConnectException e) {
      throw new IOException(
          "cannot reach "
              + baseUrl
              + "; is Runway running (./runway up)? Set the URL with the"
              + " environment variable shown in runwayctl --help.",
          e);
    }
  }
}
