package io.freeagentics.wire;

import java.util.List;
import java.util.Objects;

/**
 * One agent's beliefs at one tick: a distribution per hidden-state factor.
 *
 * @param agentId the agent's index on its device, not negative
 * @param tick the device tick the beliefs belong to, not negative
 * @param factors one distribution per factor, in factor order
 */
public record AgentBeliefs(int agentId, long tick, List<BeliefCodes> factors) {

  public AgentBeliefs {
    if (agentId < 0) {
      throw new IllegalArgumentException("agentId must not be negative but was " + agentId);
    }
    if (tick < 0) {
      throw new IllegalArgumentException("tick must not be negative but was " + tick);
    }
    if (factors == null || factors.isEmpty() || factors.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("factors must hold at least one distribution and no null (agent "
          + agentId + ")");
    }
    factors = List.copyOf(factors);
  }
}
