package dev.runway.guard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The guard's own settings, under {@code runway.guard.*}. */
@ConfigMapping(prefix = "runway.guard")
public interface GuardConfig {

  /**
   * Webhook URLs told of rollbacks, blocked promotions and failed rollbacks, in Slack's
   * incoming-webhook JSON; none by default.
   */
  Optional<List<String>> webhooks();

  /**
   * How old the newest verdict may be when a step or a watch is decided. Longer than
   * observability's heartbeat ({@code runway.slo.heartbeat}), which republishes every status.
   */
  @WithDefault("45s")
  Duration verdictFreshness();
}
