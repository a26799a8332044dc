package dev.runway.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps a Prometheus exposition parseable: Micrometer's system binder describes {@code
 * system_cpu_usage} as {@code The "recent cpu usage" ...}, and the registry escapes those quotes in
 * the HELP line, which the text format does not allow there ({@code promtool check metrics} rejects
 * the whole exposition). Every service that exposes metrics, the gateway included, installs this
 * filter.
 */
public final class HelpText {
  private HelpText() {}

  /** Double quotes in meter descriptions become apostrophes. */
  public static MeterFilter withoutQuotes() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String description = id.getDescription();
        if (description == null || description.indexOf('"') < 0) {
          return id;
        }
        return new Meter.Id(
            id.getName(),
            Tags.of(id.getTagsAsIterable()),
            id.getBaseUnit(),
            description.replace('"', '\''),
            id.getType());
      }
    };
  }
}
