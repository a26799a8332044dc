package dev.runway.observability.slo;

/** The two service level indicators Runway judges every revision in every region by. */
public enum Sli {
  /** Share of requests not answered 5xx (router 502 and 504 included). */
  AVAILABILITY,
  /** Share of requests answered within the manifest's latency threshold. */
  LATENCY;

  /** The name on the bus and in labels. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
