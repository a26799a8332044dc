package dev.runway.router.admin;

import dev.runway.common.json.WireJson;
import dev.runway.router.proxy.Problems;
import dev.runway.router.routes.RouteTable;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The router's own HTTP API, beside Quarkus's {@code /q/*}: {@code GET /admin/routes}, and RFC 9457
 * problems for whatever else reaches the router outside its domain, where Vert.x would answer a
 * plain-text 404 or 405 and Quarkus an error page. Its document is the static {@code
 * META-INF/openapi.yaml}: the router has no JAX-RS resources to scan.
 */
public final class AdminApi {

  private static final Logger LOG = Logger.getLogger(AdminApi.class);
  static final String ROUTES = "/admin/routes";

  private AdminApi() {}

  /** Mounts the API on {@code router}, after the proxy, which takes the domain's hosts first. */
  public static void mount(Router router, RouteTable table) {
    router.get(ROUTES).handler(ctx -> routes(ctx, table));
    router
        .route(ROUTES)
        .handler(
            ctx -> {
              ctx.response().putHeader("Allow", "GET");
              Problems.send(
                  ctx.response(),
                  405,
                  "Method not allowed",
                  ctx.request().method() + " " + ROUTES + " is not supported: use GET.");
            });
    router
        .route()
        .last()
        .handler(
            ctx ->
                Problems.send(
                    ctx.response(),
                    404,
                    "Not found",
                    "No endpoint at "
                        + ctx.normalizedPath()
                        + ": the router's own are GET "
                        + ROUTES
                        + ", /q/health, /q/metrics and /q/openapi; a service is reached by its"
                        + " Host, <service>.<domain>."));
    router.route().failureHandler(AdminApi::failed);
  }

  private static void routes(RoutingContext ctx, RouteTable table) {
    try {
      ctx.response()
          .putHeader("Content-Type", "application/json")
          .end(
              WireJson.mapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(RoutesView.of(table, System.nanoTime())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  private static void failed(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status >= 400 && status < 500) {
      Problems.send(ctx.response(), status, "Bad request", "The router refused the request.");
      return;
    }
    // The cause goes to the log under an id the client can quote, never into the body.
    String id = UUID.randomUUID().toString();
    LOG.errorf(
        ctx.failure(),
        "Request %s %s failed (error id %s)",
        ctx.request().method(),
        ctx.normalizedPath(),
        id);
    Problems.send(
        ctx.response(),
        500,
        "Internal error",
        "The router failed to answer; quote error id " + id + " when reporting it.");
  }
}
