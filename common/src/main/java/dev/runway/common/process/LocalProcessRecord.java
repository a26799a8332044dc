package dev.runway.common.process;

/**
 * What the local runtime remembers of a revision's process, in {@code <revision>.json} under its
 * placement's directory, so that a restarted reconciler adopts it instead of starting a second one,
 * and {@code runwayctl down} stops it. The reconciler writes these; the platform supervisor only
 * reads them.
 *
 * @param port where the revision answers: the process itself, or its region's network-delay relay
 * @param processPort where the process listens, when a relay is in front of it; else null
 */
public record LocalProcessRecord(
    String revision, ProcessIdentity process, int port, String readinessPath, Integer processPort) {

  /** The region's traffic split, beside the records; every other {@code .json} is a revision's. */
  public static final String TRAFFIC_FILE = "traffic.json";

  public boolean relayed() {
    return processPort != null && processPort != port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public boolean alive() {
    return process.alive();
  }
}
