package dev.runway.observability.state;

import dev.runway.common.manifest.Environment;
import dev.runway.observability.SloConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest timeline entries per service, in memory for the dashboard's once-a-second updates; the
 * table holds them all and refills this at start.
 */
@ApplicationScoped
public class Timeline {

  /**
   * @param at when the event happened
   * @param service the service
   * @param environment its environment, if any
   * @param region its region, if any
   * @param kind the event's name
   * @param detail one line
   */
  public record Item(
      OffsetDateTime at,
      String service,
      Environment environment,
      String region,
      String kind,
      String detail) {}

  private final int size;
  private final Map<String, Deque<Item>> byService = new ConcurrentHashMap<>();

  public Timeline(SloConfig config) {
    this.size = config.timelineSize();
  }

  public void add(TimelineRow row) {
    Deque<Item> items = byService.computeIfAbsent(row.service, s -> new ArrayDeque<>());
    synchronized (items) {
      items.addFirst(
          new Item(row.at, row.service, row.environment, row.region, row.kind, row.detail));
      while (items.size() > size) {
        items.removeLast();
      }
    }
  }

  /** A service's newest entries, newest first. */
  public List<Item> of(String service) {
    Deque<Item> items = byService.get(service);
    if (items == null) {
      return List.of();
    }
    synchronized (items) {
      return List.copyOf(items);
    }
  }

  /** Every service's newest entries together, newest first, at most the configured size. */
  public List<Item> all() {
    return byService.keySet().stream()
        .flatMap(s -> of(s).stream())
        .sorted(Comparator.comparing(Item::at).reversed())
        .limit(size)
        .toList();
  }

  int size() {
    return size;
  }
}
