package dev.runway.router.proxy;

import dev.runway.common.manifest.Environment;
import java.util.Locale;
import java.util.Optional;

/**
 * Which service a request is for, by its Host: {@code <service>.<domain>} is the service in
 * production, {@code <service>.<environment>.<domain>} names the environment.
 */
public final class HostNames {

  /** A service in an environment, as named by a Host header. */
  public record Target(String service, Environment environment) {}

  private final String suffix;

  public HostNames(String domain) {
    this.suffix = "." + domain.toLowerCase(Locale.ROOT);
  }

  /** Whether the host is under the router's domain at all. */
  public boolean ours(String host) {
    return bare(host).endsWith(suffix);
  }

  /** The service and environment, or empty when the name under the domain is not one. */
  public Optional<Target> parse(String host) {
    String name = bare(host);
    if (!name.endsWith(suffix)) {
      return Optional.empty();
    }
    String[] labels = name.substring(0, name.length() - suffix.length()).split("\\.");
    if (labels.length == 1 && !labels[0].isEmpty()) {
      return Optional.of(new Target(labels[0], Environment.PRODUCTION));
    }
    if (labels.length == 2) {
      return Environment.named(labels[1]).map(environment -> new Target(labels[0], environment));
    }
    return Optional.empty();
  }

  private static String bare(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      name = name.substring(0, colon);
    }
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
