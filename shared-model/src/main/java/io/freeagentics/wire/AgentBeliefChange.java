package io.freeagentics.wire;

import java.util.List;
import java.util.Objects;

/**
 * What changed in one agent's beliefs since the base snapshot: its new tick and, per factor, the replaced entries.
 * An agent absent from the base must replace every entry of every factor.
 */
public record AgentBeliefChange(int agentId, long tick, List<CodeChanges> factors) {

  public AgentBeliefChange {
    if (agentId < 0) {
      throw new IllegalArgumentException("agentId must not be negative but was " + agentId);
    }
    if (tick < 0) {
      throw new IllegalArgumentException("tick must not be negative but was " + tick);
    }
    if (factors == null || factors.isEmpty() || factors.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("factors must hold one (possibly empty) change per factor and no null"
          + " (agent " + agentId + ")");
    }
    factors = List.copyOf(factors);
  }
}
