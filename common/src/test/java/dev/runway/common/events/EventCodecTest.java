package dev.runway.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Dead-letter classification: every way a record can be poison is named. */
class EventCodecTest {

  private static RecordHeaders headers(Map<String, String> values) {
    RecordHeaders headers = new RecordHeaders();
    values.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  private static RecordHeaders cloudEvent(String type) {
    return headers(
        Map.of(
            "ce_specversion", "1.0",
            "ce_id", "42",
            "ce_source", "/test",
            "ce_type", type,
            "ce_time", "2026-11-29T10:00:00Z",
            "ce_subject", "example-service"));
  }

  private static final byte[] VALID_REQUEST =
      "{\"service\":\"example-service\",\"project_id\":1,\"regions\":[\"us-east1\"]}"
          .getBytes(StandardCharsets.UTF_8);

  private static PoisonEvent.Reason reasonOf(RecordHeaders headers, byte[] value) {
    try {
      EventCodec.decode(headers, value);
    } catch (PoisonEvent poison) {
      return poison.reason();
    }
    throw new AssertionError("expected a poison event");
  }

  @Test
  void shouldDecodeAValidEvent() {
    EventEnvelope envelope =
        EventCodec.decode(cloudEvent("runway.ServiceRequested.v1"), VALID_REQUEST);

    assertThat(envelope.data())
        .isEqualTo(
            new ServiceRequested(
                "example-service", 1, java.util.List.of("us-east1"), java.util.List.of()));
    assertThat(envelope.subject()).isEqualTo("example-service");
    assertThat(envelope.id()).isEqualTo("42");
  }

  @Test
  void shouldIgnoreFieldsAddedByANewerProducer() {
    byte[] withExtra =
        "{\"service\":\"s\",\"project_id\":1,\"regions\":[\"us-east1\"],\"added_later\":true}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(EventCodec.decode(cloudEvent("runway.ServiceRequested.v1"), withExtra).data())
        .isInstanceOf(ServiceRequested.class);
  }

  @Test
  void shouldClassifyARecordWithoutCloudEventHeaders() {
    assertThat(reasonOf(new RecordHeaders(), VALID_REQUEST))
        .isEqualTo(PoisonEvent.Reason.NOT_A_CLOUDEVENT);
  }

  @Test
  void shouldClassifyAWrongSpecVersion() {
    RecordHeaders headers = cloudEvent("runway.ServiceRequested.v1");
    headers.remove("ce_specversion");
    headers.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));

    assertThat(reasonOf(headers, VALID_REQUEST)).isEqualTo(PoisonEvent.Reason.NOT_A_CLOUDEVENT);
  }

  @Test
  void shouldClassifyAnUnknownType() {
    assertThat(reasonOf(cloudEvent("com.example.Other.v1"), VALID_REQUEST))
        .isEqualTo(PoisonEvent.Reason.UNKNOWN_TYPE);
    assertThat(reasonOf(cloudEvent("runway.NoSuchEvent.v1"), VALID_REQUEST))
        .isEqualTo(PoisonEvent.Reason.UNKNOWN_TYPE);
  }

  @Test
  void shouldClassifyAnUnknownVersionOfAKnownEvent() {
    assertThat(reasonOf(cloudEvent("runway.ServiceRequested.v9"), VALID_REQUEST))
        .isEqualTo(PoisonEvent.Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void shouldClassifyDataThatIsNotJson() {
    assertThat(
            reasonOf(
                cloudEvent("runway.ServiceRequested.v1"),
                "not json".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(PoisonEvent.Reason.MALFORMED_DATA);
    assertThat(reasonOf(cloudEvent("runway.ServiceRequested.v1"), new byte[0]))
        .isEqualTo(PoisonEvent.Reason.MALFORMED_DATA);
  }

  @Test
  void shouldClassifyDataOfTheWrongShape() {
    byte[] wrongShape =
        "{\"service\":\"s\",\"project_id\":\"x\",\"regions\":[\"us-east1\"]}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(reasonOf(cloudEvent("runway.ServiceRequested.v1"), wrongShape))
        .isEqualTo(PoisonEvent.Reason.MALFORMED_DATA);
  }

  @Test
  void shouldRefuseNamesThatWouldBecomePathsOrUrlsElsewhere() {
    for (String name : new String[] {"../../etc", "svc/x", "Svc", "svc.example.com", "a b", "-a"}) {
      byte[] data =
          ("{\"service\":\"svc\",\"environment\":\"staging\",\"region\":\""
                  + name
                  + "\",\"weights\":{},\"urls\":{}}")
              .getBytes(StandardCharsets.UTF_8);

      assertThat(reasonOf(cloudEvent("runway.TrafficShifted.v1"), data))
          .as(name)
          .isEqualTo(PoisonEvent.Reason.INVALID_DATA);
    }
  }

  @Test
  void shouldClassifyDataThatBreaksTheRecordsInvariants() {
    byte[] noRegions =
        "{\"service\":\"s\",\"project_id\":1,\"regions\":[]}".getBytes(StandardCharsets.UTF_8);
    byte[] noService = "{\"project_id\":1,\"regions\":[\"a\"]}".getBytes(StandardCharsets.UTF_8);

    assertThat(reasonOf(cloudEvent("runway.ServiceRequested.v1"), noRegions))
        .isEqualTo(PoisonEvent.Reason.INVALID_DATA);
    assertThat(reasonOf(cloudEvent("runway.ServiceRequested.v1"), noService))
        .isEqualTo(PoisonEvent.Reason.INVALID_DATA);
  }

  @Test
  void shouldClassifyNullDataAndTrailingBytesAsMalformed() {
    // found by ParsersFuzzTest: null data was a NullPointerException, which a consumer takes for
    // a transient failure and retries for ever
    for (String value :
        List.of(
            "null",
            "null{\"service\":\"s\"}",
            new String(VALID_REQUEST, StandardCharsets.UTF_8) + "}")) {
      assertThat(
              reasonOf(
                  cloudEvent("runway.ServiceRequested.v1"), value.getBytes(StandardCharsets.UTF_8)))
          .as(value)
          .isEqualTo(PoisonEvent.Reason.MALFORMED_DATA);
    }
  }

  @Test
  void shouldClassifyAnUnreadableTime() {
    RecordHeaders headers = cloudEvent("runway.ServiceRequested.v1");
    headers.remove("ce_time");
    headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> EventCodec.decode(headers, VALID_REQUEST))
        .isInstanceOf(PoisonEvent.class)
        .hasMessageContaining("ce_time");
  }

  @Test
  void shouldNameEveryCeTypeAfterTheRecord() {
    for (EventType<?> type : EventTypes.ALL) {
      assertThat(type.ceType()).isEqualTo("runway." + type.type().getSimpleName() + ".v1");
    }
  }

  @Test
  void shouldRegisterEveryPermittedRecord() {
    java.util.List<Class<?>> registered =
        EventTypes.ALL.stream().<Class<?>>map(EventType::type).toList();

    assertThat(registered)
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.asList(RunwayEvent.class.getPermittedSubclasses()));
  }
}
