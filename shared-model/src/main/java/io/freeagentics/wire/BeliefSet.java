package io.freeagentics.wire;

import java.util.List;
import java.util.Objects;

/**
 * The beliefs of a device's agents, all of one model: the state count of every factor, and the agents in strictly
 * increasing id order, each with one distribution per factor of those sizes. What a snapshot carries and what a
 * delta is applied to.
 */
public record BeliefSet(List<Integer> numStates, List<AgentBeliefs> agents) {
  /** The largest number of hidden-state factors. */
  public static final int MAX_FACTORS = 16;
  /** The most belief entries (agents times the states of all factors) one set may hold: 4 Mi codes. */
  public static final int MAX_ENTRIES = 1 << 22;

  public BeliefSet {
    numStates = checkNumStates(numStates);
    if (agents == null || agents.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("agents must not be null nor hold null");
    }
    agents = List.copyOf(agents);
    long entries = (long) agents.size() * numStates.stream().mapToLong(Integer::longValue).sum();
    if (entries > MAX_ENTRIES) {
      throw new IllegalArgumentException(agents.size() + " agents of " + numStates + " states hold " + entries
          + " entries, more than " + MAX_ENTRIES + "; split the batch");
    }
    int previous = -1;
    for (AgentBeliefs agent : agents) {
      if (agent.agentId() <= previous) {
        throw new IllegalArgumentException("agents must be in strictly increasing id order but " + agent.agentId()
            + " follows " + previous);
      }
      previous = agent.agentId();
      checkShape("agent " + agent.agentId(), numStates, agent.factors().stream().map(BeliefCodes::size).toList());
    }
  }

  /** The agent with this id, or null when the set has none. */
  public AgentBeliefs agent(int agentId) {
    int low = 0;
    int high = agents.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int id = agents.get(mid).agentId();
      if (id == agentId) {
        return agents.get(mid);
      }
      if (id < agentId) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return null;
  }

  static List<Integer> checkNumStates(List<Integer> numStates) {
    if (numStates == null || numStates.isEmpty() || numStates.size() > MAX_FACTORS
        || numStates.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("numStates must hold 1 to " + MAX_FACTORS + " factor sizes but was "
          + numStates);
    }
    for (int size : numStates) {
      if (size < 1 || size > BeliefCodes.MAX_STATES) {
        throw new IllegalArgumentException("numStates entries must be 1 to " + BeliefCodes.MAX_STATES + " but were "
            + numStates);
      }
    }
    return List.copyOf(numStates);
  }

  static void checkShape(String what, List<Integer> numStates, List<Integer> sizes) {
    if (!numStates.equals(sizes)) {
      throw new IllegalArgumentException(what + " has factor sizes " + sizes + " but the batch's are " + numStates);
    }
  }
}
