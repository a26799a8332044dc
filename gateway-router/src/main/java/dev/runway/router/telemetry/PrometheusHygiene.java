package dev.runway.router.telemetry;

import dev.runway.common.metrics.LintCleanMeters;
import dev.runway.common.metrics.ProcessCpuSeconds;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the gateway's {@code /q/metrics} lint-clean for promtool ({@link LintCleanMeters}), as the
 * control-plane services' is; the gateway does not share their {@code common-service}.
 */
@Singleton
public class PrometheusHygiene {

  @Produces
  @Singleton
  public MeterFilter lintClean() {
    return LintCleanMeters.filter();
  }

  @Produces
  @Singleton
  public MeterBinder processCpuSeconds() {
    return new ProcessCpuSeconds();
  }
}
