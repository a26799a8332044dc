package dev.runway.cli.platform;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' database, as the Quarkus variables they read: the embedded PostgreSQL on its port,
 * or the one {@code RUNWAY_DB_URL} names ({@code postgresql://user:password@host:port/database}).
 */
record Datasource(String username, String password, String hostAndDatabase) {

  private static final Pattern URL = Pattern.compile("postgresql://([^:@/]+):([^@]*)@(.+/.+)");

  static Datasource of(Optional<String> url, int embeddedPort) {
    if (url.isEmpty()) {
      return new Datasource("postgres", "postgres", "127.0.0.1:" + embeddedPort + "/postgres");
    }
    Matcher m = URL.matcher(url.get());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "RUNWAY_DB_URL must look like postgresql://user:password@host:port/database");
    }
    return new Datasource(m.group(1), m.group(2), m.group(3));
  }

  Map<String, String> environment() {
    return Map.of(
        "QUARKUS_DATASOURCE_USERNAME",
        username,
        "QUARKUS_DATASOURCE_PASSWORD",
        password,
        "QUARKUS_DATASOURCE_REACTIVE_URL",
        "postgresql://" + hostAndDatabase,
        "QUARKUS_DATASOURCE_JDBC_URL",
        "jdbc:postgresql://" + hostAndDatabase);
  }

  /** For the operator, without the password. */
  String display() {
    return "postgresql://" + username + "@" + hostAndDatabase;
  }
}
