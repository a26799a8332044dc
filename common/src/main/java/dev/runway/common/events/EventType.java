package dev.runway.common.events;

/**
 * One entry of the contract: a record, the name and version it travels under, and its topic.
 *
 * @param name the event name, as in {@code ce_type = runway.<name>.v<version>}
 * @param version the payload version; a breaking change makes a new one
 * @param type the record that carries the payload
 * @param topic the Kafka topic it is published to
 * @param description one sentence for the catalogue in docs/events.md
 */
public record EventType<T extends RunwayEvent>(
    String name, int version, Class<T> type, String topic, String description) {

  /** The CloudEvent {@code type} attribute. */
  public String ceType() {
    return "runway." + name + ".v" + version;
  }
}
