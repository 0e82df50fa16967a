package io.freeagentics.cloud.coalitions;

import io.freeagentics.coalitions.CoalitionStructure;
import io.freeagentics.coalitions.RoundStats;
import java.time.Instant;
import java.util.Map;

/**
 * The outcome of a fleet's latest round, published as one immutable value for the API and the gauges.
 *
 * @param fleet the fleet
 * @param formedAt when the round ended
 * @param structure the coalition structure (a partition of the round's agents)
 * @param stats what the formation did
 * @param roundNanos the wall time of the whole round: reading placements and the mirror, and the formation
 * @param devices device id by device number, to turn agent ids back into (device, agent)
 * @param skippedAgents mirrored agents of placed devices left out of the round (no prediction, outcomes of
 *     another length than the fleet's, or a preference that is 0 everywhere)
 */
public record FleetCoalitions(String fleet, Instant formedAt, CoalitionStructure structure, RoundStats stats,
    long roundNanos, Map<Long, String> devices, int skippedAgents) {

  public FleetCoalitions {
    devices = Map.copyOf(devices);
  }

  /** The device id of an agent of this round. */
  public String deviceOf(long agentId) {
    String device = devices.get(AgentIds.deviceNumber(agentId));
    if (device == null) {
      throw new IllegalArgumentException("agent id " + agentId + " is not of a device of fleet " + fleet
          + "'s latest round");
    }
    return device;
  }
}
