package dev.runway.router.geo;

import dev.runway.router.routes.ServiceRoute;
import dev.runway.router.routes.WeightedBackend;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client is and which regions serve it first. The client's region comes from {@code
 * X-Runway-Client-Region} (as an edge sets it), else from the configured client networks; regions
 * are then ordered by their distance from it. A client of unknown whereabouts gets the regions with
 * the lowest measured round trip first.
 */
public final class ClientRegions {

  public static final String HEADER = "X-Runway-Client-Region";

  private final RegionDistances distances;
  private final Map<Cidr, String> networks = new LinkedHashMap<>();

  public ClientRegions(RegionDistances distances, Map<String, String> networks) {
    this.distances = distances;
    networks.forEach(
        (cidr, region) -> {
          if (!distances.knows(region)) {
            throw new IllegalArgumentException(
                "runway.router.client-networks.\"" + cidr + "\": unknown region '" + region + "'");
          }
          this.networks.put(Cidr.parse(cidr), region);
        });
  }

  /** The client's region, if the header or its address tells it. */
  public Optional<String> of(String header, String remoteAddress) {
    if (header != null && distances.knows(header.strip())) {
      return Optional.of(header.strip());
    }
    if (remoteAddress == null || networks.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] address = InetAddress.getByName(remoteAddress).getAddress();
      return networks.entrySet().stream()
          .filter(e -> e.getKey().contains(address))
          .map(Map.Entry::getValue)
          .findFirst();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The service's regions in the order they should serve this client. */
  public List<String> order(Optional<String> client, ServiceRoute route) {
    if (client.isPresent()) {
      return route.orderFor(
          client.get(), from -> distances.nearestFirst(from, route.regions().keySet()));
    }
    List<String> regions = new ArrayList<>(route.regions().keySet());
    regions.sort(
        Comparator.comparingDouble((String r) -> measuredRtt(route.regions().get(r)))
            .thenComparing(Comparator.naturalOrder()));
    return regions;
  }

  private static double measuredRtt(List<WeightedBackend> region) {
    double best = Double.POSITIVE_INFINITY;
    for (WeightedBackend b : region) {
      double rtt = b.backend().state().rttMs();
      if (!Double.isNaN(rtt)) {
        best = Math.min(best, rtt);
      }
    }
    return best;
  }
}
