package dev.runway.provisioner.gitlab;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * GitLab's repository files API ({@code GET /projects/:id/repository/files/:file_path/raw}). The
 * file path is one URL-encoded segment ({@code .runway%2Frunway-staging.yml}), as GitLab requires.
 */
@RegisterRestClient(configKey = "gitlab")
@Path("/api/v4/projects/{project}/repository/files")
public interface GitlabFiles {

  /** The file's content at {@code ref}; fails with 404 when the file is not there. */
  @GET
  @Path("/{file}/raw")
  @Produces(MediaType.TEXT_PLAIN)
  Uni<String> raw(
      @PathParam("project") long project,
      @PathParam("file") String file,
      @QueryParam("ref") String ref,
      @HeaderParam("PRIVATE-TOKEN") String token);
}
