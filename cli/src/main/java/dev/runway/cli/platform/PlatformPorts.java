package dev.runway.cli.platform;

import java.util.List;
import java.util.Map;

/** Ports read from the environment, refused with the variable's name when they are not ports. */
public final class PlatformPorts {
  private PlatformPorts() {}

  static final String KAFKA = "RUNWAY_KAFKA_PORT";
  static final String KAFKA_CONTROLLER = "RUNWAY_KAFKA_CONTROLLER_PORT";
  static final String DATABASE = "RUNWAY_DB_PORT";

  /** Every port variable of a local platform: the infrastructure's and each service's. */
  public static List<String> variables() {
    List<String> all = new java.util.ArrayList<>(List.of(KAFKA, KAFKA_CONTROLLER, DATABASE));
    for (PlatformService service : PlatformService.values()) {
      all.add(service.portVariable());
    }
    return all;
  }

  static int port(Map<String, String> env, String variable, int defaultPort) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new IllegalArgumentException(
        variable + " must be a port number from 1 to 65535, not '" + value + "'");
  }
}
