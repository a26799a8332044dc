package dev.runway.provisioner.gitlab;

import dev.runway.testing.FakeGitlab;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fake GitLab REST API on a loopback port, which the provisioner's files client is pointed at.
 */
public class FakeGitlabResource implements QuarkusTestResourceLifecycleManager {

  static final String TOKEN = "glpat-test-read-repository";
  static volatile FakeGitlab gitlab;

  @Override
  public Map<String, String> start() {
    gitlab = FakeGitlab.start(TOKEN);
    return Map.of("runway.gitlab.url", gitlab.url(), "runway.gitlab.token", TOKEN);
  }

  @Override
  public void stop() {
    gitlab.close();
  }
}
