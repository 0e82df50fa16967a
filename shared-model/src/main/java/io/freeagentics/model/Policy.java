package io.freeagentics.model;

import java.util.Arrays;

/**
 * A sequence of actions, one per hidden-state factor at each future step; {@code action(t, f)} is pymdp's
 * {@code policy[t, f]}. Immutable.
 */
public final class Policy {
  private final int[][] actions;

  private Policy(int[][] actions) {
    this.actions = actions;
  }

  /**
   * A policy from {@code actions[t][f]}; copied.
   *
   * @throws IllegalArgumentException when there is no step, or steps name different numbers of factors
   */
  public static Policy of(int[][] actions) {
    if (actions == null || actions.length == 0) {
      throw new IllegalArgumentException("a policy needs at least one step");
    }
    int[][] copy = new int[actions.length][];
    for (int t = 0; t < actions.length; t++) {
      if (actions[t] == null || actions[t].length != actions[0].length) {
        throw new IllegalArgumentException(
            "policy step " + t + " has " + (actions[t] == null ? "no" : actions[t].length)
                + " actions, step 0 has " + actions[0].length);
      }
      copy[t] = actions[t].clone();
    }
    return new Policy(copy);
  }

  /** Number of future steps. */
  public int length() {
    return actions.length;
  }

  /** Number of hidden-state factors the policy acts on. */
  public int numFactors() {
    return actions[0].length;
  }

  /** The action on factor {@code f} at step {@code t}. */
  public int action(int t, int f) {
    return actions[t][f];
  }

  /** A copy of {@code actions[t][f]}. */
  public int[][] toArray() {
    int[][] copy = new int[actions.length][];
    for (int t = 0; t < actions.length; t++) {
      copy[t] = actions[t].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Policy p && Arrays.deepEquals(actions, p.actions);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(actions);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(actions);
  }
}
