package dev.runway.common.events;

/**
 * A record no consumer can ever handle, however often it is retried. It goes to the dead-letter
 * topic with {@link #reason()} and the consumer moves on.
 */
public final class PoisonEvent extends RuntimeException {

  /** Why a record is poison; the classification travels in the dead-letter headers. */
  public enum Reason {
    /** A required CloudEvent header is missing or not CloudEvents 1.0. */
    NOT_A_CLOUDEVENT,
    /** {@code ce_type} names no Runway event. */
    UNKNOWN_TYPE,
    /** {@code ce_type} names a Runway event in a version this build does not know. */
    UNSUPPORTED_VERSION,
    /** The data is not JSON, or not the shape of the record. */
    MALFORMED_DATA,
    /** The data parses but breaks the record's invariants. */
    INVALID_DATA
  }

  private final Reason reason;

  public PoisonEvent(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public PoisonEvent(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
