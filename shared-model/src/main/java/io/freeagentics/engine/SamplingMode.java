package io.freeagentics.engine;

/** Where action probabilities come from, as in pymdp. */
public enum SamplingMode {
  /** Per factor, the policy posterior marginalised onto the first action of each policy. */
  MARGINAL,
  /** Whole policies are weighted ({@code softmax(alpha * ln q_pi)}); the action is the first step of one. */
  FULL
}
