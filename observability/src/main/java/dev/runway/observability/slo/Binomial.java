package dev.runway.observability.slo;

/** The binomial distribution's upper tail, for the burn-rate rules' significance test. */
public final class Binomial {
  private Binomial() {}

  /**
   * P(X >= k) for X ~ Binomial(n, p): summed exactly while the mean is small (where the normal
   * approximation is poor and the terms cannot underflow), by the normal approximation with
   * continuity correction beyond.
   */
  public static double upperTail(long n, long k, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    double variance = n * p * (1 - p);
    if (variance > 30) {
      double z = (k - 0.5 - n * p) / Math.sqrt(variance);
      return 0.5 * NormalQuantile.erfc(z / Math.sqrt(2));
    }
    double term = Math.exp(n * Math.log1p(-p));
    double below = 0;
    for (long i = 0; i < k; i++) {
      below += term;
      term *= (double) (n - i) / (i + 1) * p / (1 - p);
    }
    return Math.max(0, 1 - below);
  }
}
