package dev.runway.common.regions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.common.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real Cloud Run regions, from the resource {@code catalogue/cloud-run-regions.json}. */
public final class RegionCatalogue {

  private static final String RESOURCE = "/catalogue/cloud-run-regions.json";
  private static final RegionCatalogue CLOUD_RUN = load();

  private final Map<String, Region> regions;

  RegionCatalogue(List<Region> regions) {
    Map<String, Region> byName = new LinkedHashMap<>();
    regions.forEach(r -> byName.put(r.name(), r));
    this.regions = Map.copyOf(byName);
  }

  /** The catalogue shipped with this build. */
  public static RegionCatalogue cloudRun() {
    return CLOUD_RUN;
  }

  public boolean contains(String name) {
    return regions.containsKey(name);
  }

  public Optional<Region> find(String name) {
    return Optional.ofNullable(regions.get(name));
  }

  public List<Region> all() {
    return regions.values().stream().sorted(Comparator.comparing(Region::name)).toList();
  }

  /** The {@code limit} region names closest in spelling to {@code name}, for "did you mean". */
  public List<String> closestNames(String name, int limit) {
    return regions.keySet().stream()
        .sorted(
            Comparator.comparingInt((String candidate) -> EditDistance.between(name, candidate))
                .thenComparingInt(candidate -> Math.abs(candidate.length() - name.length()))
                .thenComparing(Comparator.naturalOrder()))
        .limit(limit)
        .toList();
  }

  private static RegionCatalogue load() {
    try (InputStream in = RegionCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      JsonNode root = WireJson.mapper().readTree(in);
      List<Region> regions = new ArrayList<>();
      for (JsonNode node : root.path("regions")) {
        regions.add(
            new Region(
                node.path("name").asText(),
                node.path("location").asText(),
                node.path("latitude").asDouble(),
                node.path("longitude").asDouble()));
      }
      return new RegionCatalogue(regions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
