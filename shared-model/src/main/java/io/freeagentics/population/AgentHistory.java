package io.freeagentics.population;

import java.util.Arrays;

/**
 * The last belief updates of one agent, oldest first: for entry {@code k} the observation
 * {@code observations[k][m]}, the variational free energy {@code vfe[k]} of the beliefs it produced, and the action
 * {@code actions[k][f]} taken after it ({@link Population#NO_ACTION} in every factor when none was taken, as after
 * {@link Population#perceive(int[])}). At most the configured history length; empty after a reset. The arrays are
 * copies owned by the caller.
 */
public record AgentHistory(int[][] observations, int[][] actions, float[] vfe) {

  public AgentHistory {
    if (observations == null || actions == null || vfe == null) {
      throw new IllegalArgumentException("observations, actions and vfe must not be null");
    }
    if (observations.length != actions.length || observations.length != vfe.length) {
      throw new IllegalArgumentException("history arrays differ in length: observations " + observations.length
          + ", actions " + actions.length + ", vfe " + vfe.length);
    }
  }

  /** The number of entries. */
  public int size() {
    return vfe.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgentHistory h && Arrays.deepEquals(observations, h.observations)
        && Arrays.deepEquals(actions, h.actions) && Arrays.equals(vfe, h.vfe);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.deepHashCode(observations) + Arrays.deepHashCode(actions)) + Arrays.hashCode(vfe);
  }

  @Override
  public String toString() {
    return "AgentHistory[observations=" + Arrays.deepToString(observations) + ", actions="
        + Arrays.deepToString(actions) + ", vfe=" + Arrays.toString(vfe) + "]";
  }
}
