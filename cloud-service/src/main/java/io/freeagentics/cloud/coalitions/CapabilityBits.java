package io.freeagentics.cloud.coalitions;

import io.freeagentics.coalitions.Agent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capability bits of one fleet: each capability name gets a bit (0..63) the first time a round sees it, and
 * keeps it, so an agent's bit set changes only when its device's capabilities do. When a fleet's names no longer fit
 * in 64 bits (names that were dropped still hold theirs), {@link #assign} starts over from the current names and
 * the caller forms the fleet's coalitions from scratch. Not thread-safe (one fleet's round at a time).
 */
final class CapabilityBits {
  private final Map<String, Integer> bits = new HashMap<>();

  /**
   * Gives every name a bit.
   *
   * @return false when the bits had to be reassigned (every agent's bit set may have changed)
   * @throws IllegalArgumentException when more than 64 distinct names are in use
   */
  boolean assign(Collection<String> names) {
    long unknown = names.stream().distinct().filter(n -> !bits.containsKey(n)).count();
    boolean kept = true;
    if (bits.size() + unknown > Agent.MAX_CAPABILITIES) {
      List<String> distinct = names.stream().distinct().sorted().toList();
      if (distinct.size() > Agent.MAX_CAPABILITIES) {
        throw new IllegalArgumentException("the fleet uses " + distinct.size() + " distinct capability names, at most "
            + Agent.MAX_CAPABILITIES + " fit: " + distinct);
      }
      bits.clear();
      kept = false;
    }
    for (String name : names) {
      bits.computeIfAbsent(name, n -> bits.size());
    }
    return kept;
  }

  /** The bit set of the given names (each assigned before). */
  long mask(List<String> names) {
    long mask = 0;
    for (String name : names) {
      Integer bit = bits.get(name);
      if (bit == null) {
        throw new IllegalStateException("capability " + name + " has no bit: assign() it first");
      }
      mask |= 1L << bit;
    }
    return mask;
  }
}
