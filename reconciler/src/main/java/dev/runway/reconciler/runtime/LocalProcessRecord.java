package dev.runway.reconciler.runtime;

/**
 * What the local runtime remembers of a revision's process, in {@code <revision>.json}, so that a
 * restarted reconciler adopts it instead of starting a second one.
 */
record LocalProcessRecord(
    String revision, long pid, int port, String readinessPath, Integer processPort) {

  /**
   * @param port where the revision answers: the process itself, or its region's network-delay relay
   * @param processPort where the process listens, when a relay is in front of it; else null
   */
  LocalProcessRecord {}

  boolean relayed() {
    return processPort != null && processPort != port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
