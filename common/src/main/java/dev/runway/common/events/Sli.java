package dev.runway.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two service level indicators Runway judges every revision in every region by. */
public enum Sli {
  /** Share of requests not answered 5xx (router 502 and 504 included). */
  AVAILABILITY,
  /** Share of requests answered within the manifest's latency threshold. */
  LATENCY;

  /** The name on the bus and in labels. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The SLI a label names, as written on the bus. */
  @JsonCreator
  public static Sli of(String label) {
    for (Sli sli : values()) {
      if (sli.label().equals(label)) {
        return sli;
      }
    }
    throw new IllegalArgumentException("unknown SLI '" + label + "'; one of availability, latency");
  }
}
