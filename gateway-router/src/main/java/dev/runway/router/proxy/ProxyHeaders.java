package dev.runway.router.proxy;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Headers across the proxy, per RFC 9110 §7.6.1: hop-by-hop fields (and any the Connection header
 * names) stay on their hop; {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} tell the
 * backend about the client; everything else, {@code traceparent} included, passes unchanged.
 */
public final class ProxyHeaders {

  private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    HOP_BY_HOP.addAll(
        List.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "http2-settings",
            "host"));
  }

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
    // Connection usually names only keep-alive or close; other tokens are rare, kept in a list.
    List<String> named = List.of();
    for (String value : from.getAll("Connection")) {
      for (String token : value.split(",")) {
        String name = token.strip();
        if (!HOP_BY_HOP.contains(name)) {
          named = named.isEmpty() ? new java.util.ArrayList<>() : named;
          named.add(name);
        }
      }
    }
    for (var entry : from) {
      String name = entry.getKey();
      if (!HOP_BY_HOP.contains(name) && !namedIn(named, name) && !name.startsWith(":")) {
        to.add(
            lowercase ? entry.getKey().toLowerCase(Locale.ROOT) : entry.getKey(), entry.getValue());
      }
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

  /** What goes to the backend: the client's end-to-end fields plus where the request came from. */
  public static MultiMap toBackend(
      MultiMap client, String authority, String clientAddress, String scheme, String backendHost) {
    MultiMap to = endToEnd(client);
    String forwardedFor = client.get("X-Forwarded-For");
    if (clientAddress != null) {
      to.set(
          "X-Forwarded-For",
          forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
    }
    if (client.get("X-Forwarded-Proto") == null) {
      to.set("X-Forwarded-Proto", scheme);
    }
    if (client.get("X-Forwarded-Host") == null && authority != null) {
      to.set("X-Forwarded-Host", authority);
    }
    to.set("Host", backendHost);
    return to;
  }
}
