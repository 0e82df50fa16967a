package io.freeagentics.bench.internal;

import io.freeagentics.population.AgentPopulation;
import io.freeagentics.population.PopulationConfig;
import java.util.OptionalLong;

/**
 * A population engine under measurement: the float {@code Population} ({@code population}) or the 8-bit
 * {@code Int8Population} ({@code int8}), both seen through {@link AgentPopulation}.
 */
public final class PopulationBenchEngine implements BenchEngine {
  private final String name;
  private final AgentPopulation population;
  private final int threads;

  /** Measures {@code population}, created with {@code config}, under {@code name}; takes ownership of it. */
  public PopulationBenchEngine(String name, AgentPopulation population, PopulationConfig config) {
    if (name == null || population == null || config == null) {
      throw new IllegalArgumentException("name, population and config must not be null: " + name + ", "
          + population + ", " + config);
    }
    this.name = name;
    this.population = population;
    this.threads = config.effectiveThreads();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int agents() {
    return population.size();
  }

  @Override
  public String description() {
    return population.kernelDescription();
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public int step(int[] observations, int[] actionsOut) {
    return population.step(observations, actionsOut);
  }

  @Override
  public int perceive(int[] observations) {
    return population.perceive(observations);
  }

  @Override
  public void perceive(int agent, int[] observation) {
    population.perceive(agent, observation);
  }

  @Override
  public boolean perceiveIncludesPolicyEvaluation() {
    return false;
  }

  @Override
  public OptionalLong stateBytes() {
    return OptionalLong.of(population.stateBytes());
  }

  @Override
  public void close() {
    population.close();
  }
}
