package io.freeagentics.coalitions;

/**
 * g(d): how much a pair's affinity counts at H3 grid distance {@code d} (0 = same cell). Evaluated once per
 * formation for d = 0..k into a table; beyond k rings the weight is always 0. Must return a finite value >= 0
 * ({@link CoalitionConfig} checks it).
 */
@FunctionalInterface
public interface DistanceDecay {
  /**
   * The factor at grid distance {@code distance} (0..k) for the configured ring count {@code k}.
   */
  double at(int distance, int k);

  /** g(d) = 2^(-d / halfDistance): halves every {@code halfDistance} rings. */
  static DistanceDecay exponential(double halfDistance) {
    if (!(halfDistance > 0) || !Double.isFinite(halfDistance)) {
      throw new IllegalArgumentException("halfDistance must be a finite number > 0, got " + halfDistance);
    }
    return (d, k) -> Math.pow(2.0, -d / halfDistance);
  }

  /** g(d) = 1 - d / (k + 1): falls linearly to 0 just past k rings. */
  static DistanceDecay linear() {
    return (d, k) -> 1.0 - (double) d / (k + 1);
  }

  /** g(d) = 1 within k rings. */
  static DistanceDecay constant() {
    return (d, k) -> 1.0;
  }
}
