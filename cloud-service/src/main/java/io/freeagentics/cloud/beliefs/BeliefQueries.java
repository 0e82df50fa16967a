package io.freeagentics.cloud.beliefs;

import java.util.List;
import java.util.Optional;

/**
 * Reads the beliefs the cloud stored from devices' beliefs messages. Implementations run read-only transactions
 * (the read replica when one is configured), so a read may lag the ingest by the replica's delay.
 */
public interface BeliefQueries {
  /** The latest stored beliefs of every agent of the device, by agent id; empty for an unknown device. */
  List<AgentBeliefView> latest(String fleet, String device);

  /** The latest stored beliefs of one agent; empty when none were stored. */
  Optional<AgentBeliefView> latest(String fleet, String device, int agent);

  /**
   * The stored beliefs of one agent with {@code fromTick <= tick <= toTick}, by increasing tick, at most
   * {@code limit} of them (page on by asking again from the last tick + 1).
   *
   * @throws IllegalArgumentException when {@code fromTick > toTick}, a tick is negative or {@code limit} is not
   *     in 1..10000
   */
  List<AgentBeliefView> history(String fleet, String device, int agent, long fromTick, long toTick, int limit);
}
