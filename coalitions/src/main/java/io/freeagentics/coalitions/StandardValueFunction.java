package io.freeagentics.coalitions;

/**
 * The default {@link ValueFunction}: w_ij = g(d_ij) * (alpha * a_ij + beta * b_ij) with
 * a_ij = 1 - JSD(p_i, p_j) (Jensen–Shannon divergence in bits, so a_ij lies in [0, 1]) and
 * b_ij = |caps_i XOR caps_j| / |caps_i OR caps_j| (the share of their capabilities that one has and the other
 * lacks; 0 when neither has any), and a size penalty of lambda * (|C| - 1)^2.
 *
 * <p>The formation engine evaluates this function through an equivalent kernel with per-agent entropies cached;
 * this class is the reference definition (tests check that both agree).
 */
public final class StandardValueFunction implements ValueFunction {
  private static final double LN2 = Math.log(2.0);
  private final double[] decay;
  private final double lambda;
  private final double alpha;
  private final double beta;

  StandardValueFunction(CoalitionConfig config) {
    this.decay = config.decayTable();
    this.lambda = config.lambda();
    this.alpha = config.alpha();
    this.beta = config.beta();
  }

  @Override
  public double pairWeight(Agent a, Agent b, int gridDistance) {
    if (gridDistance < 0 || gridDistance >= decay.length) {
      return 0.0;
    }
    double compat = 1.0 - jensenShannon(a.preferredOutcome(), b.preferredOutcome());
    return decay[gridDistance] * (alpha * compat + beta * complementarity(a.capabilities(), b.capabilities()));
  }

  @Override
  public double sizePenalty(int size) {
    double excess = size - 1;
    return lambda * excess * excess;
  }

  /** g(0..k). */
  public double[] decayTable() {
    return decay.clone();
  }

  public double lambda() {
    return lambda;
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  /**
   * Jensen–Shannon divergence of two distributions of the same length, in bits (0 = identical, 1 = disjoint
   * supports).
   *
   * @throws IllegalArgumentException when the lengths differ
   */
  public static double jensenShannon(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("distributions have " + p.length + " and " + q.length
          + " outcomes; they must have the same number");
    }
    double sum = 0;
    for (int o = 0; o < p.length; o++) {
      double m = 0.5 * (p[o] + q[o]);
      if (p[o] > 0) {
        sum += 0.5 * p[o] * Math.log(p[o] / m);
      }
      if (q[o] > 0) {
        sum += 0.5 * q[o] * Math.log(q[o] / m);
      }
    }
    double bits = sum / LN2;
    return Math.min(1.0, Math.max(0.0, bits));
  }

  /** |a XOR b| / |a OR b|, or 0 when both sets are empty. */
  public static double complementarity(long a, long b) {
    int union = Long.bitCount(a | b);
    return union == 0 ? 0.0 : (double) Long.bitCount(a ^ b) / union;
  }
}
