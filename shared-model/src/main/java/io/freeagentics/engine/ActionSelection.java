package io.freeagentics.engine;

/** How an agent turns action probabilities into an action. */
public enum ActionSelection {
  /**
   * The most probable action, with near-ties settled by index: the lowest-index action whose probability is within
   * {@link #TIE_TOLERANCE} of the largest. Probabilities that close are equal for every engine of this project
   * (the float and int8 engines agree with the reference only to about that accuracy), so deciding them by
   * rounding would make engines — and runs on different hardware — choose differently for no reason. pymdp's
   * {@code select_highest} likewise treats actions within 1e-8 as tied (and then picks at random).
   */
  DETERMINISTIC,
  /** A draw from the action probabilities with a seeded generator. */
  STOCHASTIC;

  /** Probabilities within this of the largest count as tied under {@link #DETERMINISTIC}. */
  public static final double TIE_TOLERANCE = 1e-3;
}
