package io.freeagentics.edge.internal;

import java.util.Arrays;

/**
 * The device's action per control factor when several agents share its actuators: each agent that acted in a tick
 * casts its action, the action with the most votes wins, a tie goes to the lowest action index (deterministic).
 * Layout: {@code counts[f][u]}, reset by {@link #clear()} at the start of each tick.
 */
public final class ActionVote {
  private final int[][] counts;
  private int voters;

  /** @param actionsPerFactor the number of actions of each voted factor */
  public ActionVote(int[] actionsPerFactor) {
    counts = new int[actionsPerFactor.length][];
    for (int f = 0; f < actionsPerFactor.length; f++) {
      if (actionsPerFactor[f] < 1) {
        throw new IllegalArgumentException("actionsPerFactor[" + f + "] must be at least 1 but was "
            + actionsPerFactor[f]);
      }
      counts[f] = new int[actionsPerFactor[f]];
    }
  }

  /** Forgets every vote. */
  public void clear() {
    for (int[] factor : counts) {
      Arrays.fill(factor, 0);
    }
    voters = 0;
  }

  /**
   * Casts one agent's action (one index per factor; extra trailing factors are not voted on).
   *
   * @throws IllegalArgumentException when an action is outside its factor's range
   */
  public void cast(int[] action) {
    if (action.length < counts.length) {
      throw new IllegalArgumentException("action must have at least " + counts.length + " factors but has "
          + action.length);
    }
    for (int f = 0; f < counts.length; f++) {
      if (action[f] < 0 || action[f] >= counts[f].length) {
        throw new IllegalArgumentException("action[" + f + "] must be in 0.." + (counts[f].length - 1) + " but was "
            + action[f]);
      }
    }
    for (int f = 0; f < counts.length; f++) {
      counts[f][action[f]]++;
    }
    voters++;
  }

  /** How many agents voted since the last {@link #clear()}. */
  public int voters() {
    return voters;
  }

  /** The winning action of {@code factor}; only meaningful when {@link #voters()} is positive. */
  public int winner(int factor) {
    int[] factorCounts = counts[factor];
    int best = 0;
    for (int u = 1; u < factorCounts.length; u++) {
      if (factorCounts[u] > factorCounts[best]) {
        best = u;
      }
    }
    return best;
  }
}
