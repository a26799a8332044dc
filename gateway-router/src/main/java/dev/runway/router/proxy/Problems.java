package dev.runway.router.proxy;

import dev.runway.common.json.WireJson;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Errors the router itself answers, as RFC 9457 problem details. */
public final class Problems {

  private Problems() {}

  public static void send(HttpServerResponse response, int status, String title, String detail) {
    if (response.ended() || response.headWritten()) {
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("status", status);
    problem.put("title", title);
    problem.put("detail", detail);
    String body;
    try {
      body = WireJson.mapper().writeValueAsString(problem);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      body = "{\"status\":" + status + "}";
    }
    response.setStatusCode(status).putHeader("content-type", "application/problem+json").end(body);
  }
}
