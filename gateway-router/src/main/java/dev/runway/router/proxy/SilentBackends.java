package dev.runway.router.proxy;

import io.vertx.core.Vertx;

/**
 * Cuts off exchanges whose backend has been silent for longer than the backend timeout. One
 * periodic sweep per event loop replaces a timer per request (Vert.x's idle timeout schedules and
 * cancels one on every request, which cost the router more than the rest of its routing). The cut
 * comes up to one sweep period late: a tenth of the timeout, at most 250 ms.
 *
 * <p>Not thread-safe by design: each event loop has its own, and only that loop's exchanges and its
 * own sweep touch it.
 */
public final class SilentBackends {

  /** An exchange waiting on its backend; linked into the list it is watched in. */
  public abstract static class Watched {
    private Watched previous;
    private Watched next;
    private long lastHeard;

    /** The backend sent nothing for the whole timeout: cut it off. */
    protected abstract void silentTooLong();
  }

  private final long timeoutNanos;
  private final Watched head =
      new Watched() {
        @Override
        protected void silentTooLong() {}
      };

  public SilentBackends(long timeoutMillis) {
    this.timeoutNanos = timeoutMillis * 1_000_000L;
    head.previous = head;
    head.next = head;
  }

  /** One per event loop, each swept by a periodic timer on its own loop. */
  public static ThreadLocal<SilentBackends> perEventLoop(Vertx vertx, long timeoutMillis) {
    long period = Math.max(10, Math.min(250, timeoutMillis / 10));
    return ThreadLocal.withInitial(
        () -> {
          SilentBackends silent = new SilentBackends(timeoutMillis);
          vertx.setPeriodic(period, id -> silent.sweep(System.nanoTime()));
          return silent;
        });
  }

  /** Starts (or restarts) the clock for an exchange whose request just went to its backend. */
  public void watch(Watched exchange, long now) {
    unwatch(exchange);
    exchange.lastHeard = now;
    exchange.previous = head.previous;
    exchange.next = head;
    head.previous.next = exchange;
    head.previous = exchange;
  }

  /** The backend sent something: the answer's head or a chunk of its body. */
  public void heard(Watched exchange, long now) {
    exchange.lastHeard = now;
  }

  /** The exchange is over; idempotent. */
  public void unwatch(Watched exchange) {
    if (exchange.next != null) {
      exchange.previous.next = exchange.next;
      exchange.next.previous = exchange.previous;
      exchange.previous = null;
      exchange.next = null;
    }
  }

  /** Cuts off every exchange silent for the whole timeout at {@code now}. */
  public void sweep(long now) {
    Watched exchange = head.next;
    while (exchange != head) {
      Watched next = exchange.next;
      if (now - exchange.lastHeard >= timeoutNanos) {
        unwatch(exchange);
        exchange.silentTooLong();
      }
      exchange = next;
    }
  }

  /** How many exchanges are waiting on a backend. */
  public int watched() {
    int count = 0;
    for (Watched e = head.next; e != head; e = e.next) {
      count++;
    }
    return count;
  }
}
