package dev.runway.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.junit.jupiter.api.Test;

class LintCleanMetersTest {

  private final MeterFilter filter = LintCleanMeters.filter();

  private Meter.Id map(String name, Meter.Type type, String unit, String description, Tags tags) {
    return filter.map(new Meter.Id(name, tags, unit, description, type));
  }

  @Test
  void camelCaseNamesAndLabelsBecomeSnakeCase() {
    Meter.Id id =
        map(
            "eventBus.delivered",
            Meter.Type.COUNTER,
            null,
            "Delivered messages",
            Tags.of("clientName", "<default>", "address", "a"));
    assertThat(id.getName()).isEqualTo("event.bus.delivered");
    assertThat(id.getTag("client_name")).isEqualTo("<default>");
    assertThat(id.getTag("address")).isEqualTo("a");
    assertThat(id.getTag("clientName")).isNull();
  }

  @Test
  void abbreviatedBaseUnitsAreSpelledOut() {
    assertThat(map("runway.probe.s", Meter.Type.GAUGE, null, "x", Tags.empty()).getName())
        .isEqualTo("runway.probe.seconds");
    assertThat(map("runway.payload", Meter.Type.GAUGE, "b", "x", Tags.empty()).getBaseUnit())
        .isEqualTo("bytes");
    // a segment that only starts like a unit is left alone
    assertThat(map("runway.slo.msgs", Meter.Type.GAUGE, "bytes", "x", Tags.empty()).getName())
        .isEqualTo("runway.slo.msgs");
  }

  @Test
  void metersInAUnitThatIsNotABaseUnitAreDropped() {
    assertThat(accept("kafka.producer.io.time.ns.total", Meter.Type.COUNTER, null))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(accept("kafka.app.info.start.time.ms", Meter.Type.GAUGE, null))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(accept("process.cpu.time", Meter.Type.COUNTER, "ns"))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(accept("process.cpu", Meter.Type.COUNTER, "seconds"))
        .isEqualTo(MeterFilterReply.NEUTRAL);
    assertThat(accept("kafka.producer.io.ratio", Meter.Type.GAUGE, null))
        .isEqualTo(MeterFilterReply.NEUTRAL);
  }

  @Test
  void aGaugeNamedCountIsNamedByItsPlural() {
    assertThat(LintCleanMeters.name("system.cpu.count", Meter.Type.GAUGE)).isEqualTo("system.cpus");
    assertThat(LintCleanMeters.name("kafka.consumer.connection.count", Meter.Type.GAUGE))
        .isEqualTo("kafka.consumer.connections");
    assertThat(LintCleanMeters.name("jvm.threads.count", Meter.Type.GAUGE))
        .isEqualTo("jvm.threads");
    // a counter's samples end in _total, and a histogram's _count is its own
    assertThat(LintCleanMeters.name("jvm.classes.loaded.count", Meter.Type.COUNTER))
        .isEqualTo("jvm.classes.loaded.count");
  }

  @Test
  void undescribedMetersGetADescriptionAndQuotesBecomeApostrophes() {
    assertThat(
            map("netty.eventexecutor.tasks.pending", Meter.Type.GAUGE, null, null, Tags.empty())
                .getDescription())
        .isEqualTo("Tasks waiting in a Netty event loop's queue");
    assertThat(
            map("http.server.active.requests", Meter.Type.GAUGE, null, " ", Tags.empty())
                .getDescription())
        .isNotBlank();
    assertThat(
            map("kafka.producer.node.request.latency.avg", Meter.Type.GAUGE, null, "", Tags.empty())
                .getDescription())
        .isEqualTo("Kafka client metric producer.node.request.latency.avg, undescribed by Kafka");
    assertThat(
            map(
                    "system.cpu.usage",
                    Meter.Type.GAUGE,
                    null,
                    "The \"recent cpu usage\" of the system",
                    Tags.empty())
                .getDescription())
        .isEqualTo("The 'recent cpu usage' of the system");
    // what nobody described stays undescribed, so the whole-exposition promtool test names it
    assertThat(map("unknown.gauge", Meter.Type.GAUGE, null, null, Tags.empty()).getDescription())
        .isNull();
  }

  @Test
  void theConnectionLongTaskTimerIsDroppedAndEverythingElseKept() {
    assertThat(accept("http.server.connections", Meter.Type.LONG_TASK_TIMER, null))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(accept("http.server.requests", Meter.Type.TIMER, null))
        .isEqualTo(MeterFilterReply.NEUTRAL);
  }

  private MeterFilterReply accept(String name, Meter.Type type, String unit) {
    return filter.accept(new Meter.Id(name, Tags.empty(), unit, null, type));
  }
}
