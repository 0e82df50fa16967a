package io.freeagentics.edge;

import java.util.Arrays;

/** One remembered tick of one agent: what it observed ({@code observation[m]}) and did ({@code action[f]}). */
public record EdgeHistoryEntry(long tick, int[] observation, int[] action) {

  public EdgeHistoryEntry {
    if (observation == null || action == null) {
      throw new IllegalArgumentException("observation and action must not be null (tick " + tick + ")");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeHistoryEntry e && e.tick == tick && Arrays.equals(e.observation, observation)
        && Arrays.equals(e.action, action);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(tick) + Arrays.hashCode(observation)) + Arrays.hashCode(action);
  }

  @Override
  public String toString() {
    return "EdgeHistoryEntry[tick=" + tick + ", observation=" + Arrays.toString(observation) + ", action="
        + Arrays.toString(action) + "]";
  }
}
