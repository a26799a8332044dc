package dev.runway.service.api;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request failed because a dependency is away (the database restarting or unreachable,
 * the broker timing out), not because of the request or a bug: such a request is answered 503 with
 * Retry-After, which tells a client (and runwayctl) to try again, where a 500 says to file a bug.
 */
public final class Unavailable {

  /** SQLSTATE classes and codes that mean the server is away or going, not the statement wrong. */
  private static final Set<String> AWAY = Set.of("57P01", "57P02", "57P03", "53300");

  private Unavailable() {}

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof ClosedChannelException
          || t instanceof org.apache.kafka.common.errors.RetriableException) {
        return true;
      }
      if (t instanceof PgException pg
          && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || AWAY.contains(pg.getSqlState()))) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      // The reactive client reports a dropped or refused connection as a bare VertxException
      if (t instanceof io.vertx.core.VertxException
          && (message.contains("connection is closed")
              || message.contains("connection refused")
              || message.contains("pool closed"))) {
        return true;
      }
    }
    return false;
  }
}
