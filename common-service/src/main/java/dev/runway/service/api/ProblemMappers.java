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
