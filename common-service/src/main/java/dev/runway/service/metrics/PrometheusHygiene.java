package dev.runway.service.metrics;

import dev.runway.common.metrics.LintCleanMeters;
import dev.runway.common.metrics.ProcessCpuSeconds;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Keeps every service's {@code /q/metrics} lint-clean for promtool ({@link LintCleanMeters}). */
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
