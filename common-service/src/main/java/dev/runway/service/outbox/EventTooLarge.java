package dev.runway.service.outbox;

/**
 * An event too large for the bus, refused where it is written ({@link Outbox#add}): published, the
 * broker would refuse it for good and the relay would wait behind it. An API caller gets a 413; a
 * consumer whose effect would write it dead-letters the record that asked for it (an
 * IllegalArgumentException is the record's own fault, not a transient one).
 */
public final class EventTooLarge extends IllegalArgumentException {

  private final String type;
  private final int bytes;
  private final int limit;

  EventTooLarge(String type, int bytes, int limit) {
    super(
        type
            + " would be "
            + bytes
            + " bytes; the bus takes events of at most "
            + limit
            + " (runway.outbox.max-event-bytes)");
    this.type = type;
    this.bytes = bytes;
    this.limit = limit;
  }

  public String type() {
    return type;
  }

  public int bytes() {
    return bytes;
  }

  public int limit() {
    return limit;
  }
}
