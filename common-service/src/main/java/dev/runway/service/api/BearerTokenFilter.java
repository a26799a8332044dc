package dev.runway.service.api;

import dev.runway.service.config.RunwayConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Mutating endpoints under /api require {@code Authorization: Bearer <runway.auth.token>}; reads,
 * health and metrics stay open. The comparison takes the same time whatever the token. Webhook
 * endpoints authenticate with their own scheme and are not covered here.
 */
public class BearerTokenFilter {

  private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");

  private final byte[] expected;

  public BearerTokenFilter(RunwayConfig config) {
    this.expected = ("Bearer " + config.auth().token()).getBytes(StandardCharsets.UTF_8);
  }

  @ServerRequestFilter(preMatching = true)
  public Response authenticate(ContainerRequestContext request) {
    if (READ_ONLY.contains(request.getMethod())
        || !request.getUriInfo().getPath().startsWith("/api/")) {
      return null;
    }
    String presented = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    byte[] actual = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
    if (MessageDigest.isEqual(expected, actual)) {
      return null;
    }
    return Response.status(401)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"runway\"")
        .type(MediaType.valueOf(ProblemMappers.PROBLEM_JSON))
        .entity(
            ApiProblem.of(
                401,
                presented == null ? "Missing bearer token" : "Wrong bearer token",
                "Send Authorization: Bearer <token>; a local run keeps it in .runway/token,"
                    + " runwayctl reads it from there or from RUNWAY_TOKEN."))
        .build();
  }
}
