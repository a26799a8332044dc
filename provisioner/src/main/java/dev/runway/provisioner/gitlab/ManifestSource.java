package dev.runway.provisioner.gitlab;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Manifests as a repository holds them at a commit or branch, read through GitLab's files API. */
@ApplicationScoped
public class ManifestSource {

  private final GitlabFiles files;
  private final GitlabConfig config;

  public ManifestSource(@RestClient GitlabFiles files, GitlabConfig config) {
    this.files = files;
    this.config = config;
  }

  /**
   * The file at {@code ref}, or empty when the repository has no such file there. Any other failure
   * (GitLab down, a 5xx, a rejected token) fails the Uni, to be retried.
   */
  public Uni<Optional<String>> read(long project, String path, String ref) {
    return files
        .raw(project, path, ref, config.token().orElse(null))
        .map(Optional::of)
        .onFailure(ManifestSource::notFound)
        .recoverWithItem(Optional.empty());
  }

  private static boolean notFound(Throwable failure) {
    return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
  }
}
