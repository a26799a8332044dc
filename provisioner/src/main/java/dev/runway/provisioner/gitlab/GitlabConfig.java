package dev.runway.provisioner.gitlab;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The GitLab integration, under {@code runway.gitlab.*}. */
@ConfigMapping(prefix = "runway.gitlab")
public interface GitlabConfig {

  /**
   * The secret token GitLab sends in {@code X-Gitlab-Token}, as set on the webhook. Without it the
   * webhook answers 503, so GitLab keeps the deliveries until it is set.
   */
  Optional<String> webhookSecret();

  /** GitLab's base URL, for the repository files API. */
  @WithDefault("https://gitlab.com")
  String url();

  /** A token with read_repository, sent as {@code PRIVATE-TOKEN}; none for public projects. */
  Optional<String> token();

  /** How long deliveries are remembered, for deduplication; GitLab retries within a day. */
  @WithDefault("48h")
  Duration deliveryRetention();

  /** The wait before the first retry of a delivery that met a transient fault; doubles after. */
  @WithDefault("2s")
  Duration retryDelay();

  /** How often deliveries due for a retry are looked for, and old ones forgotten. */
  @WithDefault("5s")
  Duration sweepInterval();

  /** How many times a delivery is tried before it is marked failed. */
  @WithDefault("12")
  int maxAttempts();
}
