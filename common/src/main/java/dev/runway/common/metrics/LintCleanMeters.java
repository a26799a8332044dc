package dev.runway.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes the meters a service registers pass {@code promtool check metrics}, whoever wrote them
 * (Micrometer's binders, Quarkus's Vert.x, Netty and SQL client metrics, the Kafka client): by
 * class of finding, not series by series.
 *
 * <ul>
 *   <li>Names and label names in camelCase ({@code eventBus.delivered}, {@code clientName}) are
 *       written in snake_case.
 *   <li>Abbreviated base units ({@code s}, {@code b}), as a segment of the name or as its base
 *       unit, are spelled out.
 *   <li>Meters in a unit that is not a base unit ({@code io.time.ns.total}, {@code start.time.ms},
 *       Micrometer's {@code process.cpu.time} in nanoseconds) are dropped: a filter cannot convert
 *       their values, and a Prometheus series is in seconds or bytes. {@link ProcessCpuSeconds}
 *       gives the process's CPU time in seconds instead; the Kafka client's are internals of its
 *       network thread.
 *   <li>A gauge named {@code ….count} ({@code system.cpu.count}, {@code connection.count}) is named
 *       by the plural instead: a {@code _count} suffix belongs to histograms and summaries.
 *   <li>Meters their authors left undescribed get a description here; a Kafka client metric that
 *       Kafka leaves undescribed is described by its Kafka name.
 *   <li>Double quotes in a description become apostrophes: Micrometer's {@code system.cpu.usage}
 *       has some, the registry escapes them in the HELP line, and the text format does not allow
 *       that escape there (promtool then refuses the whole exposition).
 *   <li>Quarkus's {@code http.server.connections} long task timer is dropped: the text format
 *       writes it as a summary of {@code _active_count} and {@code _duration_sum} series, which no
 *       Prometheus type has. Requests in flight stay in {@code http.server.active.requests}.
 * </ul>
 */
public final class LintCleanMeters {

  private static final Map<String, String> UNITS =
      Map.of("s", "seconds", "sec", "seconds", "b", "bytes");

  private static final Set<String> NOT_BASE_UNITS =
      Set.of(
          "ms",
          "us",
          "ns",
          "kb",
          "mb",
          "gb",
          "milliseconds",
          "microseconds",
          "nanoseconds",
          "kilobytes",
          "megabytes",
          "gigabytes");

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "netty.allocator.memory.used", "Memory a Netty allocator holds, in bytes",
          "netty.allocator.memory.pinned",
              "Memory of a Netty allocator in use by buffers, in bytes",
          "netty.allocator.pooled.arenas", "Arenas of a Netty pooled allocator",
          "netty.allocator.pooled.cache.size", "Cache size of a Netty pooled allocator",
          "netty.allocator.pooled.chunk.size", "Chunk size of a Netty pooled allocator, in bytes",
          "netty.allocator.pooled.threadlocal.caches",
              "Thread-local caches of a Netty pooled allocator",
          "netty.eventexecutor.tasks.pending", "Tasks waiting in a Netty event loop's queue",
          "http.server.active.requests", "HTTP requests being handled now");

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private LintCleanMeters() {}

  /** The filter; every service that exposes {@code /q/metrics}, the gateway too, installs it. */
  public static MeterFilter filter() {
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        boolean connections =
            id.getType() == Meter.Type.LONG_TASK_TIMER
                && id.getName().equals("http.server.connections");
        return connections || inUnitNotBase(id) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
      }

      @Override
      public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
          tags.add(Tag.of(snake(tag.getKey()), tag.getValue()));
        }
        String unit = id.getBaseUnit();
        return new Meter.Id(
            name(id.getName(), id.getType()),
            Tags.of(tags),
            unit == null ? null : UNITS.getOrDefault(unit, unit),
            description(id),
            id.getType());
      }
    };
  }

  /** The name promtool accepts for a meter named {@code name} of type {@code type}. */
  static String name(String name, Meter.Type type) {
    List<String> segments = new ArrayList<>();
    for (String segment : snake(name).split("[._]")) {
      segments.add(UNITS.getOrDefault(segment, segment));
    }
    int last = segments.size() - 1;
    if (type == Meter.Type.GAUGE && last > 0 && segments.get(last).equals("count")) {
      segments.remove(last);
      String counted = segments.get(last - 1);
      segments.set(last - 1, counted.endsWith("s") ? counted : counted + "s");
    }
    return String.join(".", segments);
  }

  private static boolean inUnitNotBase(Meter.Id id) {
    if (id.getBaseUnit() != null && NOT_BASE_UNITS.contains(id.getBaseUnit())) {
      return true;
    }
    for (String segment : snake(id.getName()).split("[._]")) {
      if (NOT_BASE_UNITS.contains(segment)) {
        return true;
      }
    }
    return false;
  }

  private static String description(Meter.Id id) {
    String description = id.getDescription();
    if (description == null || description.isBlank()) {
      description = DESCRIPTIONS.get(id.getName());
      if (description == null && id.getName().startsWith("kafka.")) {
        description = "Kafka client metric " + id.getName().substring(6) + ", undescribed by Kafka";
      }
    }
    return description == null ? null : description.replace('"', '\'');
  }

  private static String snake(String name) {
    return CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
