package dev.runway.router;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the route table was rebuilt from the bus, so a restarted router routes at once. */
@Readiness
@ApplicationScoped
public class RoutesReadiness implements HealthCheck {

  private final GatewayRouter router;

  public RoutesReadiness(GatewayRouter router) {
    this.router = router;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("routes").status(router.routesReady()).build();
  }
}
