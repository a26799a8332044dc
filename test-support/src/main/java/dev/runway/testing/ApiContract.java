package dev.runway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every operation of a service's OpenAPI document ({@code /q/openapi}): each must document
 * its success with a schema and its errors as problems, a parameterless GET must answer what its
 * schema says ({@link DocumentedShape}), and each is sent every kind of bad request: a method the
 * path does not have, a media type it does not take, malformed JSON, a body over the size limit, no
 * token, and a route that does not exist. Every answer must be an RFC 9457 problem ({@code
 * application/problem+json} with {@code status} and {@code title}), 4xx, with neither a stack trace
 * nor an exception's class name in it. Returns what broke the contract, one line each; empty when
 * nothing did.
 */
public final class ApiContract {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;
  private final String token;
  private final List<String> broken = new ArrayList<>();
  private boolean oversized;

  private ApiContract(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** What broke the contract at {@code base}; mutating calls carry {@code token}. */
  public static List<String> walk(String base, String token)
      throws IOException, InterruptedException {
    ApiContract contract = new ApiContract(base, token);
    contract.walk();
    return contract.broken;
  }

  private void walk() throws IOException, InterruptedException {
    HttpResponse<String> doc = send("GET", "/q/openapi?format=json", null, null, false);
    if (doc.statusCode() != 200) {
      broken.add("GET /q/openapi answered " + doc.statusCode());
      return;
    }
    DocumentedShape shapes = DocumentedShape.of(base);
    JsonNode paths = shapes.document().path("paths");
    if (paths.isEmpty()) {
      broken.add("/q/openapi lists no paths");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "no-such-thing");
      JsonNode operations = path.getValue();
      for (String method : METHODS) {
        if (operations.has(method)) {
          broken.addAll(shapes.undocumented(method, path.getKey(), operations.get(method)));
        }
      }
      JsonNode get = operations.path("get").path("responses").path("200").path("content");
      if (concrete.equals(path.getKey()) && get.has("application/json")) {
        // What the service answers now must be what its document says it answers.
        HttpResponse<String> answer = send("GET", concrete, null, null, true);
        if (answer.statusCode() == 200) {
          broken.addAll(shapes.undocumentedFields("GET", path.getKey(), "200", answer.body()));
        }
      }
      for (String method : METHODS) {
        if (!operations.has(method)) {
          expectProblem(method.toUpperCase(), concrete, null, null, true, "a method it lacks");
        }
      }
      for (String method : METHODS) {
        JsonNode operation = operations.path(method);
        if (operation.isMissingNode() || !operation.has("requestBody")) {
          continue;
        }
        String m = method.toUpperCase();
        if (!oversized) {
          oversized = true;
          expectProblem(
              m, concrete, "application/json", "[" + " ".repeat(11 << 20) + "]", true, "11 MiB");
        }
        expectProblem(m, concrete, "application/x-runway-unknown", "x", true, "a media type");
        expectProblem(m, concrete, "application/json", "{\"not json", true, "malformed JSON");
        expectProblem(m, concrete, "application/json", "[1, {\"a\": ]", true, "malformed JSON");
        expectProblem(m, concrete, "application/json", "{}", false, "no token");
      }
    }
    expectProblem("GET", "/api/v1/no-such-route", null, null, true, "an unknown route");
    expectProblem("GET", "/no-such-route", null, null, true, "an unknown route");
  }

  private void expectProblem(
      String method, String path, String type, String body, boolean withToken, String what)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = send(method, path, type, body, withToken);
    String at = method + " " + path + " with " + what + ": ";
    if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
      broken.add(at + "HTTP " + answer.statusCode() + ", not a 4xx");
    }
    String contentType = answer.headers().firstValue("Content-Type").orElse("");
    if (!contentType.startsWith("application/problem+json")) {
      broken.add(at + "Content-Type '" + contentType + "', not application/problem+json");
      return;
    }
    JsonNode problem;
    try {
      problem = WireJson.mapper().readTree(answer.body());
    } catch (IOException e) {
      broken.add(at + "a problem that is not JSON: " + answer.body());
      return;
    }
    if (!problem.path("title").isTextual()
        || problem.path("status").asInt() != answer.statusCode()) {
      broken.add(at + "a problem without title or with another status: " + answer.body());
    }
    if (answer.body().contains("Exception")
        || answer.body().contains("\tat ")
        || answer.body().contains("Stack")) {
      broken.add(at + "a stack trace or exception class in the body: " + answer.body());
    }
  }

  private HttpResponse<String> send(
      String method, String path, String type, String body, boolean withToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (withToken) {
      request.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
