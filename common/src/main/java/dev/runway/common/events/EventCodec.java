package dev.runway.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * Turns event records into CloudEvent data and back. Payloads are snake_case JSON; unknown fields
 * are ignored so that additive changes never break an older consumer.
 */
public final class EventCodec {
  private EventCodec() {}

  private static final ObjectMapper JSON = WireJson.mapper();

  public static byte[] encode(RunwayEvent event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + event, e);
    }
  }

  /**
   * Reads a Kafka record's headers and value as a Runway CloudEvent.
   *
   * @throws PoisonEvent if the record can never be handled, classified by reason
   */
  public static EventEnvelope decode(Headers headers, byte[] value) {
    String specVersion = CloudEventHeaders.text(headers, CloudEventHeaders.SPEC_VERSION);
    String id = CloudEventHeaders.text(headers, CloudEventHeaders.ID);
    String source = CloudEventHeaders.text(headers, CloudEventHeaders.SOURCE);
    String ceType = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
    if (!"1.0".equals(specVersion) || id == null || source == null || ceType == null) {
      throw new PoisonEvent(
          PoisonEvent.Reason.NOT_A_CLOUDEVENT,
          "expected headers ce_specversion=1.0, ce_id, ce_source and ce_type");
    }
    EventType<?> type = typeOf(ceType);
    OffsetDateTime time = timeOf(CloudEventHeaders.text(headers, CloudEventHeaders.TIME));
    RunwayEvent data = dataOf(type, value);
    String subject =
        Optional.ofNullable(CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT))
            .orElse(data.service());
    return new EventEnvelope(id, source, ceType, time, subject, data);
  }

  private static EventType<?> typeOf(String ceType) {
    return EventTypes.byCeType(ceType)
        .orElseThrow(
            () -> {
              String name = ceType.replaceFirst("^runway\\.", "").replaceFirst("\\.v\\d+$", "");
              return ceType.startsWith("runway.") && EventTypes.knowsName(name)
                  ? new PoisonEvent(
                      PoisonEvent.Reason.UNSUPPORTED_VERSION,
                      "this build does not know version of " + ceType)
                  : new PoisonEvent(PoisonEvent.Reason.UNKNOWN_TYPE, "unknown ce_type " + ceType);
            });
  }

  private static OffsetDateTime timeOf(String time) {
    if (time == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(time);
    } catch (DateTimeParseException e) {
      throw new PoisonEvent(
          PoisonEvent.Reason.NOT_A_CLOUDEVENT, "ce_time is not RFC 3339: " + time, e);
    }
  }

  private static RunwayEvent dataOf(EventType<?> type, byte[] value) {
    if (value == null || value.length == 0) {
      throw new PoisonEvent(PoisonEvent.Reason.MALFORMED_DATA, "no data for " + type.ceType());
    }
    try {
      RunwayEvent data =
          JSON.readerFor(type.type())
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readValue(value);
      if (data == null) {
        throw new PoisonEvent(
            PoisonEvent.Reason.MALFORMED_DATA, type.ceType() + ": the data is JSON null");
      }
      return data;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PoisonEvent(
          PoisonEvent.Reason.INVALID_DATA, type.ceType() + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new PoisonEvent(
          PoisonEvent.Reason.MALFORMED_DATA, type.ceType() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new PoisonEvent(PoisonEvent.Reason.MALFORMED_DATA, type.ceType() + ": " + e, e);
    }
  }
}
