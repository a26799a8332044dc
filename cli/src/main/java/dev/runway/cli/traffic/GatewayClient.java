package dev.runway.cli.traffic;

import dev.runway.cli.platform.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Requests to a service through the gateway, as an edge would send them: routed by {@code Host},
 * naming the client's region, and answered with who served them ({@code X-Runway-Region}, {@code
 * X-Runway-Revision}).
 */
public final class GatewayClient {

  /** One answer: its status and who served it ("-" when a header is missing). */
  public record Served(int status, String region, String revision) {
    public boolean failed() {
      return status >= 500;
    }
  }

  private final HttpClient http =
      HttpClients.builder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String gateway;
  private final String host;
  private final String path;

  public GatewayClient(String gateway, String host, String path) {
    this.gateway = gateway;
    this.host = host;
    this.path = path;
  }

  public CompletableFuture<Served> sendAsync(String clientRegion) {
    return http.sendAsync(request(clientRegion), HttpResponse.BodyHandlers.discarding())
        .thenApply(GatewayClient::served);
  }

  public Served send(String clientRegion) throws IOException, InterruptedException {
    return served(http.send(request(clientRegion), HttpResponse.BodyHandlers.discarding()));
  }

  private HttpRequest request(String clientRegion) {
    return HttpRequest.newBuilder(URI.create(gateway + path))
        .timeout(Duration.ofSeconds(5))
        .header("Host", host)
        .header("X-Runway-Client-Region", clientRegion)
        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"def \"}"))
        .build();
  }

  private static Served served(HttpResponse<?> response) {
    return new Served(
        response.statusCode(),
        response.headers().firstValue("X-Runway-Region").orElse("-"),
        response.headers().firstValue("X-Runway-Revision").orElse("-"));
  }
}
