package dev.runway.router.proxy;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Streams a backend's answer body to the client as it comes, pausing the backend while the client's
 * write queue is full, and says once how it ended: complete, or cut short because the client went
 * away or the backend failed mid-answer.
 */
final class RelayPump {

  /** What the exchange is told while the answer flows. */
  interface Listener {
    /** A chunk arrived: the backend is not silent. */
    void heard();

    /** The client closed its connection before the answer ended. */
    void clientGone();

    /** Called exactly once, when the answer ended or was cut short. */
    void ended(boolean complete);
  }

  private final HttpClientResponse answer;
  private final HttpServerResponse response;
  private final Listener listener;
  private boolean done;

  private RelayPump(HttpClientResponse answer, HttpServerResponse response, Listener listener) {
    this.answer = answer;
    this.response = response;
    this.listener = listener;
  }

  static void start(HttpClientResponse answer, HttpServerResponse response, Listener listener) {
    new RelayPump(answer, response, listener).run();
  }

  private void run() {
    response.closeHandler(
        closed -> {
          if (!done) {
            listener.clientGone();
            end(false);
          }
        });
    answer.exceptionHandler(failed -> end(false));
    answer.endHandler(
        ended -> {
          if (!done) {
            response.end();
            end(true);
          }
        });
    answer.handler(
        chunk -> {
          if (done) {
            return;
          }
          listener.heard();
          response.write(chunk);
          if (response.writeQueueFull()) {
            answer.pause();
            response.drainHandler(drained -> answer.resume());
          }
        });
  }

  private void end(boolean complete) {
    if (!done) {
      done = true;
      listener.ended(complete);
    }
  }
}
