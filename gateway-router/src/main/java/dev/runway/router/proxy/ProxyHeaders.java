package dev.runway.router.proxy;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Headers across the proxy, per RFC 9110 §7.6.1: hop-by-hop fields (and any the Connection header
 * names) stay on their hop; {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} tell the
 * backend about the client, extending what a trusted proxy in front said and replacing what anyone
 * else said ({@link TrustedProxies}); everything else, {@code traceparent} included, passes
 * unchanged.
 *
 * <p>Runs twice per proxied request, so it copies straight into the outgoing message's own headers
 * and recognises hop-by-hop names without a lookup structure.
 */
public final class ProxyHeaders {

  private ProxyHeaders() {}

  /** The end-to-end fields of {@code from}, without Host. */
  public static MultiMap endToEnd(MultiMap from) {
    return endToEnd(from, false);
  }

  /**
   * The end-to-end fields of {@code from}, without Host; with {@code lowercase}, names in lower
   * case, as HTTP/2 requires of every field it carries.
   */
  public static MultiMap endToEnd(MultiMap from, boolean lowercase) {
    MultiMap to = MultiMap.caseInsensitiveMultiMap();
    copyEndToEnd(from, to, lowercase);
    return to;
  }

  /**
   * Adds the end-to-end fields of {@code from} to {@code to}, as {@link #endToEnd} selects them.
   */
  public static void copyEndToEnd(MultiMap from, MultiMap to, boolean lowercase) {
    // Connection usually names only keep-alive or close, or is absent (HTTP/1.1 and HTTP/2).
    List<String> named = List.of();
    if (from.contains("Connection")) {
      for (String value : from.getAll("Connection")) {
        for (String token : value.split(",")) {
          String name = token.strip();
          if (!hopByHop(name)) {
            named = named.isEmpty() ? new ArrayList<>() : named;
            named.add(name);
          }
        }
      }
    }
    for (var entry : from) {
      String name = entry.getKey();
      if (!hopByHop(name) && !namedIn(named, name) && !name.startsWith(":")) {
        to.add(lowercase ? name.toLowerCase(Locale.ROOT) : name, entry.getValue());
      }
    }
  }

  /** Whether a field belongs to its hop (RFC 9110 §7.6.1, plus Host and HTTP2-Settings). */
  static boolean hopByHop(String name) {
    switch (name.length()) {
      case 2:
        return name.equalsIgnoreCase("te");
      case 4:
        return name.equalsIgnoreCase("host");
      case 7:
        return name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
      case 10:
        return name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
      case 14:
        return name.equalsIgnoreCase("http2-settings");
      case 16:
        return name.equalsIgnoreCase("proxy-connection");
      case 17:
        return name.equalsIgnoreCase("transfer-encoding");
      case 18:
        return name.equalsIgnoreCase("proxy-authenticate");
      case 19:
        return name.equalsIgnoreCase("proxy-authorization");
      default:
        return false;
    }
  }

  private static boolean namedIn(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What goes to the backend: the client's end-to-end fields plus where the request came from.
   *
   * @param trusted whether the connection comes from a trusted proxy, whose {@code X-Forwarded-*}
   *     fields are kept and extended; anyone else's are replaced
   */
  public static MultiMap toBackend(
      MultiMap client,
      String authority,
      String clientAddress,
      String scheme,
      String backendHost,
      boolean trusted) {
    MultiMap to = MultiMap.caseInsensitiveMultiMap();
    toBackend(client, authority, clientAddress, scheme, backendHost, trusted, to);
    return to;
  }

  /**
   * Adds what {@link #toBackend(MultiMap, String, String, String, String, boolean)} selects to
   * {@code to}.
   */
  public static void toBackend(
      MultiMap client,
      String authority,
      String clientAddress,
      String scheme,
      String backendHost,
      boolean trusted,
      MultiMap to) {
    copyEndToEnd(client, to, false);
    if (!trusted) {
      to.remove("X-Forwarded-For");
      to.remove("X-Forwarded-Proto");
      to.remove("X-Forwarded-Host");
      to.remove("Forwarded");
    }
    String forwardedFor = trusted ? client.get("X-Forwarded-For") : null;
    if (clientAddress != null) {
      to.set(
          "X-Forwarded-For",
          forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
    }
    if (!to.contains("X-Forwarded-Proto")) {
      to.set("X-Forwarded-Proto", scheme);
    }
    if (authority != null && !to.contains("X-Forwarded-Host")) {
      to.set("X-Forwarded-Host", authority);
    }
    to.set("Host", backendHost);
  }
}
