package dev.runway.cli.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runway.common.events.CloudEventHeaders;
import dev.runway.common.events.EventCodec;
import dev.runway.common.events.EventEnvelope;
import dev.runway.common.events.PoisonEvent;
import dev.runway.common.events.RunwayEvent;
import dev.runway.common.json.WireJson;
import dev.runway.common.manifest.RunwayManifest;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One line of {@code events tail}: a decoded event, or a record that is not one (a dead letter,
 * say). Text lines show time, type, service and the fields that matter; JSON lines carry the whole
 * CloudEvent.
 */
public record EventLine(
    Instant time, String topic, String type, String service, String summary, EventEnvelope event) {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  public static EventLine of(ConsumerRecord<String, byte[]> record) {
    Instant time = Instant.ofEpochMilli(record.timestamp());
    try {
      EventEnvelope envelope = EventCodec.decode(record.headers(), record.value());
      String name = envelope.eventType().name();
      return new EventLine(
          envelope.time() == null ? time : envelope.time().toInstant(),
          record.topic(),
          name,
          envelope.subject(),
          summarize(envelope.data()),
          envelope);
    } catch (PoisonEvent notAnEvent) {
      String reason = CloudEventHeaders.text(record.headers(), "dead-letter-reason");
      return new EventLine(
          time,
          record.topic(),
          reason != null ? "DeadLetter" : "Unreadable",
          record.key() == null ? "-" : record.key(),
          reason != null ? "reason=" + reason : notAnEvent.getMessage(),
          null);
    }
  }

  /** The event's fields but the service, compact: lists of records become counts. */
  static String summarize(RunwayEvent event) {
    List<String> parts = new ArrayList<>();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      if (component.getName().equals("service")) {
        continue;
      }
      Object value;
      try {
        value = component.getAccessor().invoke(event);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String name = snake(component.getName());
      if (value == null || (value instanceof List<?> list && list.isEmpty())) {
        continue;
      }
      if (value instanceof List<?> list && list.get(0).getClass().isRecord()) {
        parts.add(name + "=" + list.size());
      } else if (value instanceof RunwayManifest manifest) {
        parts.add("image=" + manifest.spec().image());
        parts.add("regions=" + manifest.spec().regions());
      } else if (value.getClass().isRecord()) {
        parts.add(name + "=" + shortName(value));
      } else {
        parts.add(name + "=" + value);
      }
    }
    return String.join(" ", parts);
  }

  /** A nested record by its name, when it has one (a revision), else by its type. */
  private static String shortName(Object record) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals("name")) {
        try {
          return String.valueOf(component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return record.getClass().getSimpleName();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  public String text() {
    return String.format("%s  %-28s %-24s %s", CLOCK.format(time), type, service, summary);
  }

  public String json() {
    ObjectNode node = WireJson.mapper().createObjectNode();
    node.put("time", time.toString());
    node.put("topic", topic);
    node.put("type", type);
    node.put("service", service);
    if (event != null) {
      node.put("id", event.id());
      node.put("source", event.source());
      node.put("ce_type", event.type());
      node.set("data", WireJson.mapper().valueToTree(event.data()));
    } else {
      node.put("summary", summary);
    }
    return node.toString();
  }
}
