package dev.runway.service.metrics;

import dev.runway.common.metrics.HelpText;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps every service's {@code /q/metrics} valid for Prometheus's own parser ({@link HelpText}).
 */
@Singleton
public class PrometheusHygiene {

  @Produces
  @Singleton
  public MeterFilter noQuotesInHelp() {
    return HelpText.withoutQuotes();
  }
}
