package dev.runway.service.api;

import dev.runway.common.schema.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error response in the shape of RFC 9457 problem details, with every validation problem listed
 * by path.
 *
 * @param status the HTTP status
 * @param title a one-line summary
 * @param detail what to do about it
 * @param errors every problem found, each with its path
 */
public record ApiProblem(int status, String title, String detail, List<Problem> errors) {

  public static ApiProblem of(int status, String title, String detail) {
    return new ApiProblem(status, title, detail, List.of());
  }

  /** A problem+json response with no per-path errors. */
  public static Response response(int status, String title, String detail) {
    return Response.status(status)
        .type(ProblemMappers.PROBLEM_JSON)
        .entity(of(status, title, detail))
        .build();
  }
}
