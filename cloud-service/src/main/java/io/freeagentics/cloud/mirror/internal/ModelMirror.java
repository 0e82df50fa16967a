package io.freeagentics.cloud.mirror.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mirrored agents of one model: float {@link Population}s of {@code chunkSize} agents each (one thread: the
 * caller's, no history), allocated as needed up to {@code maxAgents}, and a slot per (fleet, device, agent). An
 * agent's beliefs are set with {@link Population#restore} (no previous action, step count = its tick), so the mirror
 * holds exactly the beliefs the device synced, as floats. {@link #remove} frees a device's slots; new agents take
 * freed slots before fresh ones, so the populations grow only to the most agents mirrored at once (they are not
 * shrunk; the owner closes a mirror that became empty). Thread-safe (one lock).
 */
public final class ModelMirror implements AutoCloseable {
  /** What {@link #set} did. */
  public enum Outcome { UPDATED, STALE, FULL }

  /**
   * Bytes of the slot index per agent: a HashMap entry, its key record and boxed slot, the tick and sequence (a
   * freed slot costs 4 more bytes in the free list until it is reused).
   */
  public static final int INDEX_BYTES_PER_AGENT = 112;

  private record AgentKey(String fleet, String device, int agent) {
  }

  private final GenerativeModel model;
  private final int chunkSize;
  private final long maxAgents;
  private final List<Population> chunks = new ArrayList<>();
  private final Map<AgentKey, Integer> slots = new HashMap<>();
  private final Map<String, java.util.TreeSet<Integer>> devices = new HashMap<>();
  private long[] ticks = new long[0];
  private long[] sequences = new long[0];
  /** Slots freed by {@link #remove}, taken before fresh ones: {@code free[0..freeCount)}. */
  private int[] free = new int[0];
  private int freeCount;
  /** The next never-used slot. */
  private int fresh;
  private final int[] noAction;

  public ModelMirror(GenerativeModel model, int chunkSize, long maxAgents) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("fa.mirror.chunk-size must be positive but was " + chunkSize);
    }
    if (maxAgents < 1) {
      throw new IllegalArgumentException("fa.mirror.max-agents must be positive but was " + maxAgents);
    }
    this.model = model;
    this.chunkSize = chunkSize;
    this.maxAgents = maxAgents;
    this.noAction = new int[model.numFactors()];
    Arrays.fill(noAction, Population.NO_ACTION);
  }

  public GenerativeModel model() {
    return model;
  }

  /** Whether beliefs with these factor sizes fit the model. */
  public boolean fits(List<Integer> numStates) {
    return fits(model, numStates);
  }

  /** Whether beliefs with these factor sizes fit {@code model}. */
  public static boolean fits(GenerativeModel model, List<Integer> numStates) {
    if (numStates.size() != model.numFactors()) {
      return false;
    }
    for (int f = 0; f < numStates.size(); f++) {
      if (numStates.get(f) != model.numStates(f)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sets an agent's beliefs when they are newer than the mirrored ones (a larger tick, or the same tick from a
   * later message).
   *
   * @throws IllegalArgumentException when the beliefs do not fit the model (the agent is then unchanged)
   */
  public synchronized Outcome set(String fleet, String device, int agent, long tick, long sequence,
      float[][] beliefs) {
    AgentKey key = new AgentKey(fleet, device, agent);
    Integer slot = slots.get(key);
    if (slot != null && (ticks[slot] > tick || (ticks[slot] == tick && sequences[slot] >= sequence))) {
      return Outcome.STALE;
    }
    if (slot == null) {
      if (slots.size() >= maxAgents) {
        return Outcome.FULL;
      }
      slot = freeCount > 0 ? free[--freeCount] : fresh++;
      if (slot >= (long) chunks.size() * chunkSize) {
        chunks.add(Population.create(model, PopulationConfig.of(chunkSize).withThreads(1).withHistoryLength(0)));
        ticks = Arrays.copyOf(ticks, chunks.size() * chunkSize);
        sequences = Arrays.copyOf(sequences, chunks.size() * chunkSize);
      }
      chunks.get(slot / chunkSize).restore(slot % chunkSize, beliefs, noAction, tick);
      slots.put(key, slot);
      devices.computeIfAbsent(fleet + "/" + device, d -> new java.util.TreeSet<>()).add(agent);
    } else {
      chunks.get(slot / chunkSize).restore(slot % chunkSize, beliefs, noAction, tick);
    }
    ticks[slot] = tick;
    sequences[slot] = sequence;
    return Outcome.UPDATED;
  }

  /**
   * Stops mirroring every agent of the device (it runs another model now, say): their slots are freed for reuse.
   *
   * @return the number of agents removed
   */
  public synchronized int remove(String fleet, String device) {
    java.util.TreeSet<Integer> agents = devices.remove(fleet + "/" + device);
    if (agents == null) {
      return 0;
    }
    if (free.length < freeCount + agents.size()) {
      free = Arrays.copyOf(free, Math.max(freeCount + agents.size(), 2 * free.length));
    }
    for (int agent : agents) {
      Integer slot = slots.remove(new AgentKey(fleet, device, agent));
      if (slot == null) {
        throw new IllegalStateException("agent " + agent + " of " + fleet + "/" + device + " has no slot");
      }
      free[freeCount++] = slot;
    }
    return agents.size();
  }

  /** The mirrored beliefs of an agent (one array per factor), or null when it is not mirrored. */
  public synchronized Mirrored read(String fleet, String device, int agent) {
    Integer slot = slots.get(new AgentKey(fleet, device, agent));
    if (slot == null) {
      return null;
    }
    float[][] beliefs = new float[model.numFactors()][];
    for (int f = 0; f < beliefs.length; f++) {
      beliefs[f] = new float[model.numStates(f)];
      chunks.get(slot / chunkSize).beliefs(slot % chunkSize, f, beliefs[f]);
    }
    return new Mirrored(ticks[slot], sequences[slot], beliefs);
  }

  /** An agent's beliefs as read from its population, with their tick and message. */
  public record Mirrored(long tick, long sequence, float[][] beliefs) {
  }

  /** The agent ids mirrored for a device, in increasing order. */
  public synchronized List<Integer> agents(String fleet, String device) {
    java.util.TreeSet<Integer> agents = devices.get(fleet + "/" + device);
    return agents == null ? List.of() : List.copyOf(agents);
  }

  public synchronized long agents() {
    return slots.size();
  }

  public synchronized long devices() {
    return devices.size();
  }

  public synchronized long capacity() {
    return (long) chunks.size() * chunkSize;
  }

  public synchronized long stateBytes() {
    return chunks.stream().mapToLong(Population::stateBytes).sum();
  }

  @Override
  public synchronized void close() {
    chunks.forEach(Population::close);
    chunks.clear();
  }
}
