package dev.runway.observability.slo;

/**
 * Requests in a window and how many of them were bad for one SLI.
 *
 * @param requests all requests
 * @param bad requests that failed the SLI
 */
public record Counts(long requests, long bad) {

  public static final Counts NONE = new Counts(0, 0);

  public Counts {
    if (requests < 0 || bad < 0 || bad > requests) {
      throw new IllegalArgumentException("counts must satisfy 0 <= bad <= requests");
    }
  }

  /** The bad share; 0 without requests (callers check {@link #requests()} before trusting it). */
  public double badRatio() {
    return requests == 0 ? 0 : (double) bad / requests;
  }

  public Counts plus(Counts other) {
    return new Counts(requests + other.requests, bad + other.bad);
  }
}
