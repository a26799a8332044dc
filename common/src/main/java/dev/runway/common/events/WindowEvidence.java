package dev.runway.common.events;

/**
 * What one evaluation window held when an SLO verdict was reached.
 *
 * @param window the rule's name for the window ({@code 1h}, {@code 5m}, ...), before time scaling
 * @param seconds the window's length as evaluated, after time scaling
 * @param requests requests in the window
 * @param bad requests that failed the SLI (5xx for availability; slower than the threshold for
 *     latency)
 * @param burnRate the bad ratio divided by the error budget ({@code 1 - objective}); 1 spends the
 *     budget exactly over the budget period
 */
public record WindowEvidence(
    String window, long seconds, long requests, long bad, double burnRate) {

  public WindowEvidence {
    Require.text(window, "window");
    if (bad > requests) {
      throw new IllegalArgumentException(
          "bad must not exceed requests, got " + bad + " of " + requests);
    }
  }
}
