package io.freeagentics.cloud.coalitions;

/**
 * The coalition id of an edge agent: {@code deviceNumber * 2^32 + agent}, where {@code deviceNumber} is the number
 * the device got when it was first placed ({@link DevicePlacement#deviceNumber()}, from 1) and {@code agent} the
 * agent's id on the device (0..2^31-1, as the wire carries it). Both halves come back out without a lookup, the id
 * is stable across rounds and restarts, and ids of one device are contiguous, so a coalition's id (its smallest
 * member id) names its first agent.
 */
public final class AgentIds {
  private AgentIds() {}

  /** The coalition id of agent {@code agent} of the device numbered {@code deviceNumber}. */
  public static long id(long deviceNumber, int agent) {
    if (deviceNumber < 1 || deviceNumber > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("deviceNumber must be 1.." + Integer.MAX_VALUE + " but was " + deviceNumber);
    }
    if (agent < 0) {
      throw new IllegalArgumentException("agent must be >= 0 but was " + agent);
    }
    return (deviceNumber << 32) | agent;
  }

  /** The device number of a coalition id. */
  public static long deviceNumber(long id) {
    return id >>> 32;
  }

  /** The agent id (on its device) of a coalition id. */
  public static int agent(long id) {
    return (int) (id & 0xFFFF_FFFFL);
  }
}
