package dev.runway.service.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer waits out a transient failure (its partition holds there until the
 * dependency is back), with the consumer, since when and why.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

  private final EventConsumption consumption;

  public ConsumersReadiness(EventConsumption consumption) {
    this.consumption = consumption;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("runway-consumers");
    var retrying = consumption.failures().retrying();
    retrying.forEach(
        (consumer, r) ->
            response.withData(consumer, "retrying since " + r.since() + ": " + r.why()));
    return response.status(retrying.isEmpty()).build();
  }
}
