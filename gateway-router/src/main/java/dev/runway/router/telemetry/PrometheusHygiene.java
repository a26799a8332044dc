package dev.runway.router.telemetry;

import dev.runway.common.metrics.HelpText;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the gateway's {@code /q/metrics} valid for Prometheus's own parser ({@link HelpText}), as
 * the control-plane services' is; the gateway does not share their {@code common-service}.
 */
@Singleton
public class PrometheusHygiene {

  @Produces
  @Singleton
  public MeterFilter noQuotesInHelp() {
    return HelpText.withoutQuotes();
  }
}
