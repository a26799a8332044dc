package dev.runway.guard;

import io.smallrye.config.ConfigMapping;
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
}
