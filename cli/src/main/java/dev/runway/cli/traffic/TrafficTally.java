package dev.runway.cli.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a steady stream of requests saw, per serving region and revision: how many, how many failed,
 * and when the first and last of them were answered. Thread-safe.
 */
public final class TrafficTally {

  /** One region × revision's share of the answers. */
  public record Served(long requests, long failed, long firstAtMs, long lastAtMs) {}

  private static final class Counter {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong last = new AtomicLong();
  }

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final AtomicLong unanswered = new AtomicLong();
  private final Map<String, AtomicLong> unansweredBy = new ConcurrentHashMap<>();

  /** An answer from {@code region}'s {@code revision} (either may be "-" when not said). */
  public void answered(String region, String revision, boolean failed, long atMs) {
    Counter c = counters.computeIfAbsent(region + " " + revision, k -> new Counter());
    c.requests.incrementAndGet();
    if (failed) {
      c.failed.incrementAndGet();
    }
    c.first.accumulateAndGet(atMs, Math::min);
    c.last.accumulateAndGet(atMs, Math::max);
  }

  /** A request that got no HTTP answer at all, and why (the exception's class). */
  public void unanswered(String why) {
    unanswered.incrementAndGet();
    unansweredBy.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
  }

  /** Requests without an answer, by why. */
  public Map<String, Long> unanswered() {
    Map<String, Long> out = new TreeMap<>();
    unansweredBy.forEach((why, n) -> out.put(why, n.get()));
    return out;
  }

  /** Per "region revision", in order. */
  public Map<String, Served> served() {
    Map<String, Served> out = new TreeMap<>();
    counters.forEach(
        (key, c) ->
            out.put(
                key, new Served(c.requests.get(), c.failed.get(), c.first.get(), c.last.get())));
    return out;
  }

  public long failed() {
    return counters.values().stream().mapToLong(c -> c.failed.get()).sum() + unanswered.get();
  }

  public long requests() {
    return counters.values().stream().mapToLong(c -> c.requests.get()).sum() + unanswered.get();
  }
}
