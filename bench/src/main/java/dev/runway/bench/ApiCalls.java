package dev.runway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Authenticated calls to Runway's APIs, as the benchmarks make them. */
final class ApiCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  ApiCalls(String token) {
    this.token = token;
  }

  /** POSTs; returns 409 and 503 for the caller to retry, fails on any other non-2xx. */
  int post(String url, String contentType, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status / 100 != 2 && status != 409 && status != 503) {
      throw new IllegalStateException(
          "POST " + url + " answered " + status + ": " + response.body());
    }
    return status;
  }

  /**
   * POSTs until accepted, waiting out what a running platform answers while it catches up or
   * recovers: a 409 (the reconciler has not read the provisioning yet), a 503 (its database or
   * broker is away) and no answer at all (the service is restarting); fails after {@code within}.
   */
  void postUntilAccepted(String url, String contentType, String body, Duration within)
      throws Exception {
    long deadline = System.currentTimeMillis() + within.toMillis();
    String last;
    do {
      try {
        int status = post(url, contentType, body);
        if (status / 100 == 2) {
          return;
        }
        last = "answered " + status;
      } catch (IOException restarting) {
        last = "got no answer: " + restarting;
      }
      Thread.sleep(200);
    } while (System.currentTimeMillis() < deadline);
    throw new IllegalStateException("POST " + url + " " + last + " for " + within);
  }
}
