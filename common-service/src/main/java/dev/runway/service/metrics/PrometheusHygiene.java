package dev.runway.service.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps every service's {@code /q/metrics} valid for Prometheus's own parser: Micrometer's system
 * binder describes {@code system_cpu_usage} as {@code The "recent cpu usage" ...}, and the registry
 * escapes those quotes in the HELP line, which the text format does not allow there ({@code
 * promtool check metrics} rejects the whole exposition). Quotes in descriptions become apostrophes.
 */
@Singleton
public class PrometheusHygiene {

  @Produces
  @Singleton
  public MeterFilter noQuotesInHelp() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String description = id.getDescription();
        if (description == null || description.indexOf('"') < 0) {
          return id;
        }
        return new Meter.Id(
            id.getName(),
            io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
            id.getBaseUnit(),
            description.replace('"', '\''),
            id.getType());
      }
    };
  }
}
