package io.freeagentics.engine;

/** How an agent turns action probabilities into an action. */
public enum ActionSelection {
  /** The most probable action; ties go to the lowest index, so the choice is reproducible. */
  DETERMINISTIC,
  /** A draw from the action probabilities with a seeded generator. */
  STOCHASTIC
}
