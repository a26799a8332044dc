package dev.runway.router.routes;

import java.net.URI;
import java.util.Optional;

/**
 * The backend URLs the gateway routes to, of the runtimes' shape only: the local runtime's {@code
 * http://127.0.0.1:<port>} (loopback) and Cloud Run's {@code https://<service>.run.app}. A
 * TrafficShifted is a fact the reconciler publishes, but anyone on the bus can write one; an event
 * naming any other URL is refused rather than obeyed, so the bus cannot steer users to an arbitrary
 * host.
 */
public final class BackendUrls {
  private BackendUrls() {}

  /** Why the URL is not a backend this gateway routes to; empty when it is one. */
  public static Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      return Optional.of("not a URL: " + e.getMessage());
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
      return Optional.of("a backend URL carries no credentials, query or fragment");
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    if ("http".equals(uri.getScheme()) && loopback(host) && uri.getPort() > 0) {
      return Optional.empty();
    }
    if ("https".equals(uri.getScheme()) && host.endsWith(".run.app") && host.length() > 8) {
      return Optional.empty();
    }
    return Optional.of(
        "only the local runtime's http://127.0.0.1:<port> and Cloud Run's https://*.run.app are"
            + " routed");
  }

  private static boolean loopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
  }
}
