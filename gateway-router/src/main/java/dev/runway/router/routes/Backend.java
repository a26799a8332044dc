package dev.runway.router.routes;

import dev.runway.common.manifest.Environment;
import java.net.URI;

/**
 * One revision's address in one region, and what the router knows of its health. The same backend
 * object is kept while its URL stays in the route table, so its health outlives weight changes.
 */
public final class Backend {

  private final String service;
  private final Environment environment;
  private final String region;
  private final String revision;
  private final String url;
  private final String host;
  private final int port;
  private final boolean tls;
  private final BackendState state;
  private final String authority;

  public Backend(
      String service,
      Environment environment,
      String region,
      String revision,
      String url,
      BackendState state) {
    this.service = service;
    this.environment = environment;
    this.region = region;
    this.revision = revision;
    this.url = url;
    URI uri = URI.create(url);
    this.tls = "https".equalsIgnoreCase(uri.getScheme());
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    this.state = state;
    this.authority = (tls && port == 443) || (!tls && port == 80) ? host : host + ":" + port;
  }

  public String service() {
    return service;
  }

  public Environment environment() {
    return environment;
  }

  public String region() {
    return region;
  }

  public String revision() {
    return revision;
  }

  public String url() {
    return url;
  }

  /** What identifies it across route changes: the revision at its address. */
  public String id() {
    return revision + "@" + url;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public boolean tls() {
    return tls;
  }

  /** {@code host:port}, as the Host header a backend expects. */
  public String authority() {
    return authority;
  }

  public BackendState state() {
    return state;
  }

  @Override
  public String toString() {
    return revision + "@" + region + " " + url;
  }
}
