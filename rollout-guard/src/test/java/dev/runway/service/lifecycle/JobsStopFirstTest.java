package dev.runway.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.guard.service.WebhookReceiver;
import dev.runway.testing.RunwayTestResource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A service's jobs stop before anything else does, so none fires into a closing database pool. In
 * the guard, whose ticker and webhook sender run every second.
 */
@QuarkusTest
@WithTestResource(value = RunwayTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.GLOBAL)
class JobsStopFirstTest {

  @Inject JobsStopFirst jobsStopFirst;
  @Inject Scheduler scheduler;

  @Test
  void theStopPausesEveryScheduledJob() {
    assertThat(scheduler.getScheduledJobs()).isNotEmpty();
    assertThat(scheduler.isRunning()).isTrue();
    try {
      jobsStopFirst.onStop(new ShutdownEvent());

      assertThat(scheduler.isRunning()).isFalse();
    } finally {
      scheduler.resume();
    }
  }
}
