package dev.runway.service.api;

import dev.runway.common.schema.ValidationFailed;
import dev.runway.service.outbox.EventTooLarge;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps refusals to problem responses, so every service answers bad input the same way. */
public class ProblemMappers {

  public static final String PROBLEM_JSON = "application/problem+json";

  @ServerExceptionMapper
  public Response invalid(ValidationFailed failed) {
    return Response.status(400)
        .type(MediaType.valueOf(PROBLEM_JSON))
        .entity(
            new ApiProblem(
                400,
                "Invalid document",
                "Nothing was changed. Fix every error listed and send it again.",
                failed.problems()))
        .build();
  }

  @ServerExceptionMapper
  public Response notAllowed(jakarta.ws.rs.NotAllowedException refused) {
    Response.ResponseBuilder problem =
        Response.fromResponse(
            ApiProblem.response(
                405,
                "Method not allowed",
                "This resource does not take that method; the Allow header lists what it takes,"
                    + " /q/openapi the whole API."));
    refused.getResponse().getAllowedMethods().forEach(m -> problem.header("Allow", m));
    return problem.build();
  }

  @ServerExceptionMapper
  public Response unsupported(jakarta.ws.rs.NotSupportedException refused) {
    return ApiProblem.response(
        415,
        "Unsupported media type",
        "Send the body as this resource takes it (see /q/openapi), with that Content-Type.");
  }

  @ServerExceptionMapper
  public Response notAcceptable(jakarta.ws.rs.NotAcceptableException refused) {
    return ApiProblem.response(
        406,
        "Not acceptable",
        "This resource cannot answer in a type the Accept header allows; application/json will.");
  }

  @ServerExceptionMapper
  public Response notFound(jakarta.ws.rs.NotFoundException refused) {
    return ApiProblem.response(
        404, "No such resource", "Nothing is here; /q/openapi lists this service's API.");
  }

  @ServerExceptionMapper
  public Response unreadable(com.fasterxml.jackson.core.JsonProcessingException unreadable) {
    String where =
        unreadable.getLocation() == null
            ? ""
            : " at line "
                + unreadable.getLocation().getLineNr()
                + ", column "
                + unreadable.getLocation().getColumnNr();
    return ApiProblem.response(
        400, "Malformed JSON", "The body is not JSON of the expected shape" + where + ".");
  }

  @ServerExceptionMapper
  public Response refused(jakarta.ws.rs.WebApplicationException refused) {
    int status = refused.getResponse().getStatus();
    if (status >= 500) {
      return failed(refused);
    }
    return ApiProblem.response(
        status,
        refused.getResponse().getStatusInfo().getReasonPhrase(),
        "The request was refused; nothing was changed.");
  }

  /**
   * Any other failure: a 503 with Retry-After when a dependency is away ({@link Unavailable}), else
   * a 500 that names an error id in the log, never the exception.
   */
  @ServerExceptionMapper
  public Response failed(Throwable failure) {
    if (Unavailable.is(failure)) {
      org.jboss.logging.Logger.getLogger(ProblemMappers.class)
          .warnf("Request refused while a dependency is away: %s", failure.toString());
      return Response.fromResponse(
              ApiProblem.response(
                  503,
                  "Service unavailable",
                  "A dependency (the database or the broker) cannot be reached right now; nothing"
                      + " was changed. Try again in a few seconds."))
          .header("Retry-After", "5")
          .build();
    }
    String id = java.util.UUID.randomUUID().toString();
    org.jboss.logging.Logger.getLogger(ProblemMappers.class)
        .errorf(failure, "Request failed (error id %s)", id);
    return ApiProblem.response(
        500,
        "Internal error",
        "The service failed to handle the request (error id " + id + " in its log).");
  }

  @ServerExceptionMapper
  public Response tooLarge(EventTooLarge tooLarge) {
    return ApiProblem.response(
        413,
        "Too large to publish",
        "The "
            + tooLarge.type()
            + " event this would publish is "
            + tooLarge.bytes()
            + " bytes; the bus takes at most "
            + tooLarge.limit()
            + ". Nothing was changed: send less (fewer services, a smaller manifest).");
  }
}
