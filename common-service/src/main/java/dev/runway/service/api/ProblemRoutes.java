package dev.runway.service.api;

import dev.runway.common.json.WireJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Problem details for what never reaches a resource: a route that does not exist, a body over
 * {@code quarkus.http.limits.max-body-size}, a failure below JAX-RS. Without these Vert.x answers
 * with an HTML page or an empty body; a client then has nothing to read.
 */
@ApplicationScoped
public class ProblemRoutes {

  private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

  private final long maxBodyBytes;

  public ProblemRoutes(
      @org.eclipse.microprofile.config.inject.ConfigProperty(
              name = "quarkus.http.limits.max-body-size",
              defaultValue = "10240K")
          io.quarkus.runtime.configuration.MemorySize maxBody) {
    this.maxBodyBytes = maxBody.asLongValue();
  }

  void install(@Observes Router router) {
    // A declared length over the limit is answered before the body is read, as a problem; Quarkus
    // itself would answer 413 with no body.
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader("Content-Length");
              if (length != null
                  && length.matches("\\d{1,18}")
                  && Long.parseLong(length) > maxBodyBytes) {
                send(
                    ctx,
                    413,
                    "Request body too large",
                    "The body is "
                        + length
                        + " bytes; this service accepts at most "
                        + maxBodyBytes
                        + ". Nothing was changed. Send less.");
                ctx.request().connection().close();
                return;
              }
              ctx.next();
            });
    router
        .route()
        .last()
        .handler(
            ctx ->
                send(
                    ctx,
                    404,
                    "No such resource",
                    ctx.request().method()
                        + " "
                        + ctx.request().path()
                        + " is not part of this service's API; /q/openapi lists what is."));
    router.route().order(Integer.MIN_VALUE).failureHandler(ProblemRoutes::failed);
  }

  private static void failed(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (status == 413) {
      send(
          ctx,
          413,
          "Request body too large",
          "The body is larger than this service accepts; nothing was changed. Send less.");
    } else if (status >= 400 && status < 500) {
      send(ctx, status, "Request refused", "The request could not be read; nothing was changed.");
    } else {
      String id = UUID.randomUUID().toString();
      LOG.errorf(
          ctx.failure(),
          "Request %s %s failed (error id %s)",
          ctx.request().method(),
          ctx.request().path(),
          id);
      send(
          ctx,
          500,
          "Internal error",
          "The service failed to handle the request (error id " + id + " in its log).");
    }
  }

  static void send(RoutingContext ctx, int status, String title, String detail) {
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
          .end(WireJson.mapper().writeValueAsString(ApiProblem.of(status, title, detail)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.response().setStatusCode(status).end();
    }
  }
}
