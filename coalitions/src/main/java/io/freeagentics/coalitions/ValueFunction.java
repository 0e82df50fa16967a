package io.freeagentics.coalitions;

/**
 * The value of a coalition, pluggable: v(C) = sum over pairs i&lt;j in C of {@link #pairWeight} minus
 * {@link #sizePenalty}(|C|). This pairwise-additive form is what lets the agglomeration compute the gain of a merge
 * from the weights between two coalitions and their sizes alone (docs/coalitions.md, "Algorithm").
 *
 * <p>Contract: {@code sizePenalty(1) == 0} (a singleton is worth 0); both methods are pure, deterministic and
 * return finite values; {@code pairWeight} is symmetric. Pairs further apart than k rings are never asked: their
 * weight is 0. Implementations are called from several threads at once during a full formation.
 */
public interface ValueFunction {
  /**
   * w_ij of two distinct agents at H3 grid distance {@code gridDistance} (0..k). Zero means "no edge".
   */
  double pairWeight(Agent a, Agent b, int gridDistance);

  /** The size penalty of a coalition of {@code size} agents; 0 for a singleton. */
  double sizePenalty(int size);

  /**
   * The default of the issue: w_ij = g(d) * (alpha * (1 - JSD(p_i, p_j)) + beta * b_ij) and a penalty of
   * lambda * (|C| - 1)^2.
   */
  static StandardValueFunction standard(CoalitionConfig config) {
    return new StandardValueFunction(config);
  }
}
