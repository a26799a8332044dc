package dev.runway.router.proxy;

import dev.runway.router.geo.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-*} fields are believed ({@code
 * runway.router.trusted-proxies}, CIDRs). Like Envoy with {@code xff_num_trusted_hops: 0}, none by
 * default: a client could otherwise tell a backend it came over https, or from any address and host
 * it likes.
 */
public record TrustedProxies(List<Cidr> networks) {

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  public TrustedProxies {
    networks = List.copyOf(networks);
  }

  public static TrustedProxies of(List<String> cidrs) {
    try {
      return new TrustedProxies(cidrs.stream().map(Cidr::parse).toList());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("runway.router.trusted-proxies: " + e.getMessage(), e);
    }
  }

  /** Whether a connection from this address (a literal IP) comes from a trusted proxy. */
  public boolean trusts(String address) {
    if (address == null || networks.isEmpty()) {
      return false;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return networks.stream().anyMatch(n -> n.contains(bytes));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
