package dev.runway.router.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network, {@code 10.20.0.0/16}. */
public record Cidr(byte[] network, int prefix) {

  public static Cidr parse(String text) {
    String[] parts = text.strip().split("/", 2);
    try {
      byte[] address = InetAddress.getByName(parts[0]).getAddress();
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalArgumentException(
            "client network '" + text + "': prefix must be 0.." + address.length * 8);
      }
      return new Cidr(address, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "client network '" + text + "' is not a CIDR such as 10.20.0.0/16", e);
    }
  }

  /** Whether the address (literal IP) is in the network. */
  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest);
    return (address[full] & mask) == (network[full] & mask);
  }
}
