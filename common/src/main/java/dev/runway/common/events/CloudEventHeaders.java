package dev.runway.common.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes as headers. */
public final class CloudEventHeaders {
  private CloudEventHeaders() {}

  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  /** The headers that carry an envelope's attributes, in a stable order. */
  public static Map<String, String> of(EventEnvelope envelope) {
    return of(
        envelope.id(), envelope.source(), envelope.type(), envelope.time(), envelope.subject());
  }

  /** The headers for these CloudEvent attributes, in a stable order. */
  public static Map<String, String> of(
      String id, String source, String type, OffsetDateTime time, String subject) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SPEC_VERSION, "1.0");
    headers.put(ID, id);
    headers.put(SOURCE, source);
    headers.put(TYPE, type);
    headers.put(TIME, time.toInstant().toString());
    headers.put(SUBJECT, subject);
    headers.put(CONTENT_TYPE, "application/json");
    return headers;
  }

  /** The last value of a header as UTF-8 text, or null. */
  public static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
