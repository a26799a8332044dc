package dev.runway.service.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Pauses every scheduled job as the first step of a stop. Without it a job fires while the database
 * pool closes and fails with "Pool closed", which the scheduler logs at ERROR: a clean stop of a
 * replica looked like a fault to an operator reading the log.
 */
@ApplicationScoped
public class JobsStopFirst {

  private static final Logger LOG = Logger.getLogger(JobsStopFirst.class);

  private final Scheduler scheduler;

  public JobsStopFirst(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) ShutdownEvent event) {
    scheduler.pause();
    LOG.debug("Scheduled jobs paused for the stop");
  }
}
