package io.freeagentics.edge;

import java.util.Arrays;

/**
 * The latest committed state of one agent: its posterior {@code beliefs[f][s]} per hidden-state factor, the action
 * {@code previousAction[f]} it took after them, the tick that produced them, and its step count {@code steps} (the
 * updates committed for it, which key its random numbers). Everything an agent's next step depends on, so that it
 * can be restored exactly after a restart.
 */
public record EdgeCheckpoint(int agent, long tick, float[][] beliefs, int[] previousAction, long steps) {

  public EdgeCheckpoint {
    if (agent < 0) {
      throw new IllegalArgumentException("agent must not be negative but was " + agent);
    }
    if (beliefs == null || previousAction == null) {
      throw new IllegalArgumentException("beliefs and previousAction must not be null (agent " + agent + ")");
    }
    if (beliefs.length != previousAction.length) {
      throw new IllegalArgumentException("agent " + agent + ": beliefs has " + beliefs.length
          + " factors but previousAction " + previousAction.length);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("agent " + agent + ": steps must not be negative but was " + steps);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeCheckpoint c && c.agent == agent && c.tick == tick
        && Arrays.deepEquals(c.beliefs, beliefs) && Arrays.equals(c.previousAction, previousAction)
        && c.steps == steps;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * (31 * agent + Long.hashCode(tick)) + Arrays.deepHashCode(beliefs))
        + Arrays.hashCode(previousAction)) + Long.hashCode(steps);
  }

  @Override
  public String toString() {
    return "EdgeCheckpoint[agent=" + agent + ", tick=" + tick + ", beliefs=" + Arrays.deepToString(beliefs)
        + ", previousAction=" + Arrays.toString(previousAction) + ", steps=" + steps + "]";
  }
}
