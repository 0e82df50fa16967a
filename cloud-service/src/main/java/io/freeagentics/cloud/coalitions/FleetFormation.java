package io.freeagentics.cloud.coalitions;

import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.CoalitionFormation;
import io.freeagentics.coalitions.CoalitionStructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One fleet's coalition formation across rounds. The first round forms coalitions from scratch; later rounds put
 * only the agents whose inputs (cell, capabilities, preferred outcomes) changed, remove the agents that are gone and
 * repair. A full formation replaces the repair when the outcome count or the capability bits changed, and every
 * {@code rebuildEvery} rounds. Not thread-safe: {@link CoalitionRounds} runs one round of a fleet at a time.
 */
final class FleetFormation {
  private final CoalitionFormation formation;
  private final CapabilityBits capabilities = new CapabilityBits();
  private final int rebuildEvery;
  private final Map<Long, Agent> inputs = new HashMap<>();
  private int outcomes = -1;
  private int roundsSinceFull;
  private boolean formed;

  FleetFormation(CoalitionConfig config, int rebuildEvery) {
    this.formation = CoalitionFormation.create(config);
    this.rebuildEvery = rebuildEvery;
  }

  CapabilityBits capabilities() {
    return capabilities;
  }

  /**
   * One round over {@code agents}, all with {@code outcomeCount} outcomes.
   *
   * @param bitsKept false when the capability bits were reassigned since the last round
   */
  CoalitionStructure round(List<Agent> agents, int outcomeCount, boolean bitsKept) {
    boolean full = !formed || !bitsKept || outcomeCount != outcomes
        || (rebuildEvery > 0 && roundsSinceFull + 1 >= rebuildEvery);
    Map<Long, Agent> next = new HashMap<>(agents.size() * 2);
    for (Agent agent : agents) {
      next.put(agent.id(), agent);
    }
    CoalitionStructure structure;
    try {
      structure = full ? formation.form(agents) : repair(agents, next);
    } catch (RuntimeException e) {
      formed = false; // the formation may hold part of the changes: start over next round
      throw e;
    }
    roundsSinceFull = full ? 0 : roundsSinceFull + 1;
    inputs.clear();
    inputs.putAll(next);
    outcomes = outcomeCount;
    formed = true;
    return structure;
  }

  /** Puts the changed agents, removes the gone ones and repairs. */
  private CoalitionStructure repair(List<Agent> agents, Map<Long, Agent> next) {
    for (long id : inputs.keySet()) {
      if (!next.containsKey(id)) {
        formation.remove(id);
      }
    }
    for (Agent agent : agents) {
      if (!agent.equals(inputs.get(agent.id()))) {
        formation.put(agent);
      }
    }
    return formation.repair();
  }
}
