package dev.runway.e2e;

import dev.runway.testing.FakeGitlab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One platform for every end-to-end test but the demo (which is a command that starts its own):
 * each test uses its own service names, so they share {@code ./runway up} (started for the first
 * that asks, stopped after the last test) instead of booting the whole platform each. A platform
 * start is about a minute of two busy cores (ADR 10). SLOs are judged fifty times faster than real
 * time, as in the demo, and GitLab is a fake REST API on loopback, its webhook secret and token
 * handed to the provisioner as in production.
 *
 * <p>Tests resolve a {@link Launcher} (the platform) and, when they need it, the {@link
 * FakeGitlab}. Each posts an inventory naming only its own services; that decommissions the
 * previous test's services, which is fine because JUnit runs the test classes one after the other.
 */
final class SharedPlatform implements ParameterResolver {

  static final String GITLAB_TOKEN = "glpat-e2e";
  static final String WEBHOOK_SECRET = "e2e-webhook-secret";

  /** The guard's bound on a verdict's age; observability's heartbeat here is 1 s. */
  static final java.time.Duration VERDICT_FRESHNESS = java.time.Duration.ofSeconds(10);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedPlatform.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Launcher.class || type == FakeGitlab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    return parameter.getParameter().getType() == FakeGitlab.class
        ? running.gitlab
        : running.launcher;
  }

  /** Where a test asks a service's relay to crash between publishing and marking. */
  static java.nio.file.Path hooks(Launcher launcher) {
    return launcher.home.resolve("hooks");
  }

  /** The running platform and its fake GitLab, stopped when the test plan ends. */
  static final class Running implements ExtensionContext.Store.CloseableResource {
    final Launcher launcher;
    final FakeGitlab gitlab;
    final Process up;

    private Running(Launcher launcher, FakeGitlab gitlab, Process up) {
      this.launcher = launcher;
      this.gitlab = gitlab;
      this.up = up;
    }

    static Running start() {
      FakeGitlab gitlab = FakeGitlab.start(GITLAB_TOKEN);
      try {
        Launcher launcher = new Launcher("shared");
        launcher.env.put("RUNWAY_SLO_TIME_SCALE", "0.02");
        launcher.env.put("RUNWAY_SLO_MIN_REQUESTS", "20");
        launcher.env.put("RUNWAY_GUARD_VERDICT_FRESHNESS", VERDICT_FRESHNESS.toSeconds() + "s");
        launcher.env.put("RUNWAY_GITLAB_URL", gitlab.url());
        launcher.env.put("RUNWAY_GITLAB_TOKEN", GITLAB_TOKEN);
        launcher.env.put("RUNWAY_GITLAB_WEBHOOK_SECRET", WEBHOOK_SECRET);
        launcher.env.put("RUNWAY_OUTBOX_CRASH_HOOK_DIR", hooks(launcher).toString());
        return new Running(launcher, gitlab, launcher.up(Duration.ofMinutes(3)));
      } catch (IOException e) {
        gitlab.close();
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        gitlab.close();
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      try {
        launcher.stop(up);
      } finally {
        gitlab.close();
      }
    }
  }
}
