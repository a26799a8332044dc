package dev.runway.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire format of every event is pinned: a change to a record shows up as a failed snapshot. */
class EventSnapshotTest {

  static Stream<EventType<?>> eventTypes() {
    return EventTypes.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void shouldKeepTheWireFormatOf(EventType<?> type) throws Exception {
    RunwayEvent sample = EventSamples.of(type);
    String json =
        WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n";
    Path snapshot =
        RepoFiles.root().resolve("common/src/test/resources/snapshots/" + type.ceType() + ".json");

    String expected = RepoFiles.expect(snapshot, json);

    JsonNode actualTree = WireJson.mapper().readTree(json);
    assertThat(actualTree).isEqualTo(WireJson.mapper().readTree(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void shouldReadBackWhatItWrites(EventType<?> type) {
    RunwayEvent sample = EventSamples.of(type);
    EventEnvelope envelope =
        EventEnvelope.wrap("/runway/test", sample, java.time.Clock.systemUTC());
    var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
    CloudEventHeaders.of(envelope)
        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));

    EventEnvelope decoded = EventCodec.decode(headers, EventCodec.encode(sample));

    assertThat(decoded).isEqualTo(envelope);
  }
}
