package io.freeagentics.population;

import io.freeagentics.engine.AgentSettings;

/**
 * How a {@link Population} is built: the number of agents, how many past steps each agent remembers, the seed of
 * the agents' random choices, the number of worker threads ({@code 0} = one per available processor, {@code 1} =
 * the caller's thread only), the kernel preference and the agents' settings (shared by all agents).
 */
public record PopulationConfig(
    int agents, int historyLength, long seed, int threads, KernelPreference kernel, AgentSettings settings) {

  /** The history length used by {@link #of(int)}. */
  public static final int DEFAULT_HISTORY_LENGTH = 16;

  public PopulationConfig {
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1 but was " + agents);
    }
    if (historyLength < 0) {
      throw new IllegalArgumentException("historyLength must not be negative but was " + historyLength);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must not be negative (0 = available processors) but was " + threads);
    }
    if (kernel == null) {
      throw new IllegalArgumentException("kernel must not be null");
    }
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
  }

  /** {@code agents} agents with a 16-step history, seed 0, one thread per processor, automatic kernel choice and
   *  {@link AgentSettings#defaults()}. */
  public static PopulationConfig of(int agents) {
    return new PopulationConfig(agents, DEFAULT_HISTORY_LENGTH, 0L, 0, KernelPreference.AUTO, AgentSettings.defaults());
  }

  public PopulationConfig withAgents(int value) {
    return new PopulationConfig(value, historyLength, seed, threads, kernel, settings);
  }

  public PopulationConfig withHistoryLength(int value) {
    return new PopulationConfig(agents, value, seed, threads, kernel, settings);
  }

  public PopulationConfig withSeed(long value) {
    return new PopulationConfig(agents, historyLength, value, threads, kernel, settings);
  }

  public PopulationConfig withThreads(int value) {
    return new PopulationConfig(agents, historyLength, seed, value, kernel, settings);
  }

  public PopulationConfig withKernel(KernelPreference value) {
    return new PopulationConfig(agents, historyLength, seed, threads, value, settings);
  }

  public PopulationConfig withSettings(AgentSettings value) {
    return new PopulationConfig(agents, historyLength, seed, threads, kernel, value);
  }

  /** The number of worker threads this configuration asks for, with {@code 0} resolved to the processors. */
  public int effectiveThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
