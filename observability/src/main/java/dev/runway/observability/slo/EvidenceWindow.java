package dev.runway.observability.slo;

import java.time.Duration;
import java.time.Instant;

/**
 * The seconds a verdict judged, from {@code fromSecond} to {@code toSecond}, both included.
 *
 * <p>Why a window of its own: a verdict that mixes seconds of two traffic splits says nothing about
 * the new one, and a fixed short window may never hold enough of a low-traffic canary's requests.
 * So a revision whose share changed is judged over the seconds since the change took effect plus
 * the metric lag, growing until it holds enough requests, up to the fastest rule's long window:
 * windows scale with the step, not with one global setting.
 */
public record EvidenceWindow(long fromSecond, long toSecond) {

  /** Its length in seconds; 0 while it has not begun. */
  public long seconds() {
    return Math.max(0, toSecond - fromSecond + 1);
  }

  public Instant start() {
    return Instant.ofEpochSecond(fromSecond);
  }

  /** Where it ends (exclusive); its start while it has not begun. */
  public Instant end() {
    return Instant.ofEpochSecond(Math.max(fromSecond, toSecond + 1));
  }

  /**
   * The window of a share that took effect at {@code since}: from the first whole second a metric
   * lag later to {@code nowSecond}, at most {@code longest} seconds.
   */
  public static EvidenceWindow since(Instant since, Duration lag, long nowSecond, long longest) {
    Instant begins = since.plus(lag);
    long first = begins.getEpochSecond() + (begins.getNano() > 0 ? 1 : 0);
    return new EvidenceWindow(Math.max(first, nowSecond - longest + 1), nowSecond);
  }

  /** The last {@code seconds} seconds up to {@code nowSecond}. */
  public static EvidenceWindow last(long seconds, long nowSecond) {
    return new EvidenceWindow(nowSecond - seconds + 1, nowSecond);
  }

  /** The same window starting at {@code fromSecond} instead, never earlier than it started. */
  public EvidenceWindow startingAt(long from) {
    return new EvidenceWindow(Math.max(fromSecond, from), toSecond);
  }
}
