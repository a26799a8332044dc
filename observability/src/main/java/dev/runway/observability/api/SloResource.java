package dev.runway.observability.api;

import dev.runway.common.manifest.Environment;
import dev.runway.observability.generate.GrafanaDashboard;
import dev.runway.observability.generate.PrometheusRules;
import dev.runway.observability.slo.Objective;
import dev.runway.observability.state.Timeline;
import dev.runway.observability.state.Topology;
import dev.runway.service.api.ApiProblem;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The figures the dashboard shows, as JSON, a live stream, and generated monitoring files. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SloResource {

  private final ViewBuilder views;
  private final Topology topology;
  private final Timeline timeline;

  public SloResource(ViewBuilder views, Topology topology, Timeline timeline) {
    this.views = views;
    this.topology = topology;
    this.timeline = timeline;
  }

  /** Every service, region and revision with its SLIs, and the timeline. */
  @GET
  @Path("/slo")
  public Views.Dashboard all() {
    return views.dashboard();
  }

  /** One service's regions, revisions and verdicts. */
  @GET
  @Path("/slo/{service}")
  @APIResponse(
      responseCode = "200",
      description = "The service's regions, revisions and verdicts",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Views.Service.class)))
  public Response service(@PathParam("service") String service) {
    return views
        .service(service)
        .map(v -> Response.ok(v).build())
        .orElseGet(() -> unknown(service));
  }

  /** Prometheus recording and alert rules for the service (promtool-clean). */
  @GET
  @Path("/slo/{service}/prometheus-rules")
  @APIResponse(
      responseCode = "200",
      description = "A Prometheus rule file: recording and alerting rules",
      content =
          @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING)))
  @Produces("application/yaml")
  public Response rules(@PathParam("service") String service) {
    Map<Environment, Objective> objectives = objectives(service);
    if (objectives.isEmpty()) {
      return unknown(service);
    }
    return Response.ok(PrometheusRules.forService(service, objectives)).build();
  }

  /** A Grafana dashboard for the service, a row per region. */
  @GET
  @Path("/slo/{service}/grafana-dashboard")
  @APIResponse(
      responseCode = "200",
      description = "A Grafana dashboard model, to import as it is",
      content =
          @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT)))
  public Response dashboard(@PathParam("service") String service) {
    Map<Environment, Objective> objectives = objectives(service);
    if (objectives.isEmpty()) {
      return unknown(service);
    }
    Set<String> regions = new LinkedHashSet<>();
    for (Environment environment : objectives.keySet()) {
      regions.addAll(topology.regions(service, environment));
      regions.addAll(topology.deployedRegions(service, environment));
    }
    return Response.ok(
            GrafanaDashboard.forService(service, objectives.keySet(), new ArrayList<>(regions)))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  /** The deployment timeline, newest first; one service's with {@code ?service=}. */
  @GET
  @Path("/timeline")
  public List<Timeline.Item> timeline(@QueryParam("service") String service) {
    return service == null ? timeline.all() : timeline.of(service);
  }

  /** The dashboard's figures once a second, as server-sent events. */
  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<Views.Dashboard> stream() {
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(Duration.ofSeconds(1))
        .onOverflow()
        .drop()
        .map(tick -> views.dashboard());
  }

  private Map<Environment, Objective> objectives(String service) {
    Map<Environment, Objective> objectives = new LinkedHashMap<>();
    for (Environment environment : topology.environments(service)) {
      objectives.put(environment, topology.objective(service, environment));
    }
    return objectives;
  }

  private static Response unknown(String service) {
    return ApiProblem.response(
        404,
        "Unknown service",
        "No manifest, deployment or telemetry of '"
            + service
            + "' has been seen; check the name against `./runway services`.");
  }
}
