package io.freeagentics.edge;

import java.util.Arrays;

/**
 * What one agent did in one tick, as the store commits it: the observation it updated on, its new beliefs
 * ({@code beliefs[f][s]}) and the action it chose ({@code action[f]}). Becomes the agent's checkpoint and a
 * history entry.
 */
public record EdgeAgentUpdate(int agent, int[] observation, float[][] beliefs, int[] action) {

  public EdgeAgentUpdate {
    if (agent < 0) {
      throw new IllegalArgumentException("agent must not be negative but was " + agent);
    }
    if (observation == null || beliefs == null || action == null) {
      throw new IllegalArgumentException("observation, beliefs and action must not be null (agent " + agent + ")");
    }
    if (beliefs.length != action.length) {
      throw new IllegalArgumentException("agent " + agent + ": beliefs has " + beliefs.length
          + " factors but action " + action.length);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeAgentUpdate u && u.agent == agent && Arrays.equals(u.observation, observation)
        && Arrays.deepEquals(u.beliefs, beliefs) && Arrays.equals(u.action, action);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * agent + Arrays.hashCode(observation)) + Arrays.deepHashCode(beliefs))
        + Arrays.hashCode(action);
  }

  @Override
  public String toString() {
    return "EdgeAgentUpdate[agent=" + agent + ", observation=" + Arrays.toString(observation) + ", beliefs="
        + Arrays.deepToString(beliefs) + ", action=" + Arrays.toString(action) + "]";
  }
}
